package dev.sealant;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.sealant.allow.Suppressions;
import dev.sealant.detect.Detector;
import dev.sealant.detect.Engine;
import dev.sealant.kernel.Source;
import dev.sealant.scan.Scanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The package table of docs/ARCHITECTURE.md, as rules: each package's "may depend on" column (its
 * own package and the JDK always allowed; a bracketed list there is a list of classes here, and
 * only those classes, with their nested classes, may be used), no cycles between packages, and the
 * boundaries the design rests on. A rule that fails names the class and the dependency that broke
 * it; fix the code, or change the table here and in ARCHITECTURE.md together.
 *
 * <p>{@code com.google.re2j.Re2jBridge} is Sealant's own class in RE2J's package, so it is imported
 * too (RE2J's jar is not: {@code DoNotIncludeJars}).
 */
@AnalyzeClasses(
    packages = {"dev.sealant", "com.google.re2j"},
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

  private static final String JDK = "java..";
  private static final String JGIT = "org.eclipse.jgit..";
  private static final String RE2J = "com.google.re2j..";
  private static final String BRIDGE = "com.google.re2j.Re2jBridge";

  /**
   * Each package and what it may depend on: the table's third column. An entry is a package under
   * {@code dev.sealant} ({@code "kernel"}, {@code "git.raw"}, with its sub-packages), a class under
   * it ({@code "git.Rewrite"}: a last segment in upper case, with its nested classes), or a foreign
   * package pattern ({@code "picocli.."}).
   */
  private static ArchRule mayDependOn(String pkg, String... allowed) {
    List<String> packages = new ArrayList<>(List.of("dev.sealant." + pkg + "..", JDK));
    List<String> classNames = new ArrayList<>();
    for (String a : allowed) {
      if (a.endsWith("..")) {
        packages.add(a);
      } else if (Character.isUpperCase(a.charAt(a.lastIndexOf('.') + 1))) {
        classNames.add("dev.sealant." + a);
      } else {
        packages.add("dev.sealant." + a + "..");
      }
    }
    return classes()
        .that()
        .resideInAPackage("dev.sealant." + pkg + "..")
        .should()
        .onlyDependOnClassesThat(
            resideInAnyPackage(packages.toArray(String[]::new)).or(namedOrNestedIn(classNames)))
        .as(pkg + " may depend on " + String.join(", ", allowed));
  }

  /** A class named in the list, or one nested in it. */
  private static DescribedPredicate<JavaClass> namedOrNestedIn(List<String> names) {
    return describe(
        "are one of " + names,
        c ->
            names.stream().anyMatch(n -> c.getName().equals(n) || c.getName().startsWith(n + "$")));
  }

  /**
   * A call to a method named {@code name} declared by {@code owner} or a type it is assigned to.
   */
  private static DescribedPredicate<JavaCall<?>> calls(Class<?> owner, String... names) {
    Set<String> set = Set.of(names);
    return describe(
        owner.getSimpleName() + "." + String.join("/", names),
        c -> c.getTargetOwner().isAssignableTo(owner) && set.contains(c.getName()));
  }

  @ArchTest static final ArchRule kernel = mayDependOn("kernel");

  @ArchTest static final ArchRule error = mayDependOn("error");

  @ArchTest static final ArchRule json = mayDependOn("json");

  @ArchTest static final ArchRule validate = mayDependOn("validate");

  @ArchTest
  static final ArchRule catalog =
      mayDependOn("catalog", "kernel", "validate", "error", RE2J, "org.snakeyaml..");

  @ArchTest
  static final ArchRule detect =
      mayDependOn("detect", "kernel", "catalog", "validate", "error.Shown", RE2J);

  @ArchTest
  static final ArchRule allow =
      mayDependOn("allow", "kernel", "catalog", "detect", "json", "error");

  @ArchTest static final ArchRule source = mayDependOn("source", "kernel", "error");

  /** {@code git} (with {@code git.raw}); {@code git.raw} alone is checked below. */
  @ArchTest
  static final ArchRule git =
      mayDependOn(
          "git",
          "kernel",
          "source.Content",
          "source.Chunks",
          "source.Workers",
          "git.raw",
          "error",
          JGIT);

  @ArchTest static final ArchRule gitRaw = mayDependOn("git.raw");

  @ArchTest
  static final ArchRule scan =
      mayDependOn("scan", "kernel", "source", "git", "detect", "allow", "catalog", "error", JGIT);

  @ArchTest
  static final ArchRule report = mayDependOn("report", "kernel", "scan", "detect.Display", "json");

  @ArchTest
  static final ArchRule cli =
      mayDependOn(
          "cli",
          "kernel",
          "error",
          "json",
          "catalog",
          "detect",
          "allow",
          "source.Content",
          "git.HookInstaller",
          "git.HooksPath",
          "git.Rewrite",
          "scan",
          "report",
          "picocli..");

  @ArchTest
  static final ArchRule noCycles =
      slices().matching("dev.sealant.(*)..").should().beFreeOfCycles().as("no package cycles");

  @ArchTest
  static final ArchRule detectKnowsNoGitNoCli =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.detect..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(JGIT, "dev.sealant.git..", "dev.sealant.cli..", "picocli..")
          .as("detect knows no git, no cli, no picocli");

  @ArchTest
  static final ArchRule catalogKnowsNoDetect =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.catalog..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.sealant.detect..")
          .as("catalog knows no detect");

  @ArchTest
  static final ArchRule reportWalksNoHistory =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.report..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(JGIT, "dev.sealant.git..")
          .as("report walks no history");

  @ArchTest
  static final ArchRule noJGitInternals =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.jgit.internal..")
          .as("no class uses JGit's internals");

  /** Commands hand a request to scan.Session; they open no repository and walk no history. */
  @ArchTest
  static final ArchRule cliUsesNoJGit =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(JGIT)
          .as("cli uses no JGit");

  /** The session holds git's handles (a repository, object ids); reading objects is git's. */
  @ArchTest
  static final ArchRule scanHoldsOnlyJGitHandles =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.scan..")
          .should()
          .dependOnClassesThat(
              resideInAPackage(JGIT)
                  .and(
                      not(
                          nameMatching(
                              "org\\.eclipse\\.jgit\\.lib\\.(Repository|ObjectId|AnyObjectId)"))))
          .as("scan holds only JGit's Repository and ObjectId, and reads no object itself");

  @ArchTest
  static final ArchRule onlyMainExits =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.sealant.cli.Main")
          .should()
          .callMethod(System.class, "exit", int.class)
          .as("only cli.Main calls System.exit");

  /** Files, the network and processes, and the clock: what a pure stage never touches. */
  private static final DescribedPredicate<JavaClass> IO_TYPES =
      resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net..")
          .or(
              nameMatching(
                  "java\\.io\\.(File.*|RandomAccessFile|Console)"
                      + "|java\\.lang\\.(Process|ProcessBuilder|ProcessHandle)(\\$.*)?"
                      + "|java\\.time\\.(Clock|InstantSource)"))
          .as("files, network, processes or a clock");

  /** Reading a resource from the class path (the jar). */
  private static final DescribedPredicate<JavaCall<?>> RESOURCE_READS =
      calls(ClassLoader.class, "getResource", "getResourceAsStream", "getResources")
          .or(calls(Class.class, "getResource", "getResourceAsStream"));

  /**
   * The stages the table calls pure do no I/O: no files, network, processes, environment, system
   * properties, standard streams or clock (a report's scan times come through a supplier).
   */
  @ArchTest
  static final ArchRule pureStagesDoNoIo =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.sealant.detect..",
              "dev.sealant.validate..",
              "dev.sealant.report..",
              "dev.sealant.kernel..",
              "dev.sealant.json..",
              "dev.sealant.error..")
          .should()
          .dependOnClassesThat(IO_TYPES)
          .orShould()
          .callMethodWhere(
              calls(
                  System.class,
                  "getenv",
                  "getProperty",
                  "getProperties",
                  "console",
                  "currentTimeMillis",
                  "nanoTime"))
          .orShould()
          .callMethodWhere(calls(Runtime.class, "exec"))
          .orShould()
          .callMethodWhere(RESOURCE_READS)
          .orShould()
          .callMethodWhere(
              describe(
                  "a java.time now()",
                  c ->
                      c.getTargetOwner().getPackageName().equals("java.time")
                          && c.getName().equals("now")))
          .orShould()
          .accessFieldWhere(
              describe("System.in/out/err", a -> a.getTargetOwner().isEquivalentTo(System.class)))
          .as("detect, validate, report, kernel, json and error do no I/O");

  /** The catalog reads its files (and the jar's compiled catalog) in its loader only. */
  @ArchTest
  static final ArchRule catalogReadsOnlyInItsLoader =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.catalog..")
          .and()
          .doNotHaveFullyQualifiedName("dev.sealant.catalog.CatalogLoader")
          .and()
          .doNotHaveFullyQualifiedName("dev.sealant.catalog.CompiledCatalog")
          .should()
          .dependOnClassesThat(IO_TYPES)
          .orShould()
          .callMethodWhere(RESOURCE_READS)
          .as("in catalog only CatalogLoader and CompiledCatalog read files or resources");

  /** The process's streams, environment and terminal are the CLI's (through {@code cli.Env}). */
  @ArchTest
  static final ArchRule onlyCliTouchesTheProcess =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.sealant.cli..")
          .should()
          .callMethodWhere(calls(System.class, "getenv", "console", "setIn", "setOut", "setErr"))
          .orShould()
          .accessFieldWhere(
              describe("System.in/out/err", a -> a.getTargetOwner().isEquivalentTo(System.class)))
          .as("only cli reads the environment, the standard streams and the console");

  /** One class starts a process: {@code git ls-files} for an index JGit cannot read. */
  @ArchTest
  static final ArchRule onlyIndexesStartsAProcess =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.sealant.git.Indexes")
          .should()
          .dependOnClassesThat()
          .haveNameMatching("java\\.lang\\.(Process|ProcessBuilder|ProcessHandle)(\\$.*)?")
          .orShould()
          .callMethodWhere(calls(Runtime.class, "exec"))
          .as("only git.Indexes starts a process");

  /** Commands parse arguments, hand over a request and render: the session builds the source. */
  @ArchTest
  static final ArchRule cliBuildsNoSource =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.cli..")
          .should()
          .implement(Source.class)
          .orShould()
          .callConstructorWhere(
              describe("a kernel.Source", c -> c.getTargetOwner().isAssignableTo(Source.class)))
          .as("no cli class builds a kernel.Source");

  @ArchTest
  static final ArchRule cliLoadsNoConfiguration =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.cli..")
          .should()
          .callMethodWhere(calls(Suppressions.class, "load"))
          .as("no cli class loads allow.Suppressions (the session does)");

  @ArchTest
  static final ArchRule cliRunsNoScanner =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.cli..")
          .should()
          .callMethodWhere(calls(Scanner.class, "run"))
          .as("no cli class runs scan.Scanner (the session does)");

  /**
   * {@code sealant explain FILE} runs a traced detector on one file itself; no other command runs
   * the detector.
   */
  @ArchTest
  static final ArchRule onlyExplainRunsTheDetector =
      noClasses()
          .that()
          .resideInAPackage("dev.sealant.cli..")
          .and()
          .doNotHaveFullyQualifiedName("dev.sealant.cli.ExplainCommand")
          .should()
          .callMethodWhere(calls(Engine.class, "scan").or(calls(Detector.class, "scan")))
          .as("of cli, only ExplainCommand runs the detector");

  /** RE2J's package-private API is reached through one class, and only by detect and catalog. */
  @ArchTest
  static final ArchRule onlyDetectAndCatalogUseTheBridge =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.sealant.detect", "dev.sealant.catalog", "com.google.re2j")
          .should()
          .dependOnClassesThat(namedOrNestedIn(List.of(BRIDGE)))
          .as("only detect and catalog use com.google.re2j.Re2jBridge");

  @ArchTest
  static final ArchRule bridgeUsesOnlyRe2j =
      classes()
          .that()
          .resideInAPackage("com.google.re2j")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(RE2J, JDK)
          .as("Re2jBridge depends only on RE2J and the JDK");
}
