package dev.sealant.cli;

import dev.sealant.catalog.Catalog;
import dev.sealant.catalog.CatalogLoader;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --patterns DIR}: the catalog to use instead of the built-in one. Shared by every command.
 */
public final class CatalogOptions {

  @Option(
      names = "--patterns",
      paramLabel = "DIR",
      description =
          "Load rules from the *.yaml files in DIR (or one file) instead of the built-in catalog.")
  String patterns;

  public Optional<String> patterns() {
    return Optional.ofNullable(patterns);
  }

  /** The catalog these options select: the user's, or the built-in one. */
  public Catalog load(Env env) {
    return patterns == null ? CatalogLoader.builtIn() : CatalogLoader.load(env.resolve(patterns));
  }

  /** The same catalog with its rules' examples, for self-tests. */
  public Catalog loadWithExamples(Env env) {
    return patterns == null
        ? CatalogLoader.builtInWithExamples()
        : CatalogLoader.load(env.resolve(patterns));
  }
}
