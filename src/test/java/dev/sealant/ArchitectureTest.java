package dev.sealant;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package table of docs/ARCHITECTURE.md, as rules: each package's "may depend on" column (its
 * own package and the JDK always allowed), no cycles between packages, and the boundaries the
 * design rests on. A rule that fails names the class and the dependency that broke it; fix the
 * code, or change the table here and in ARCHITECTURE.md together.
 */
@AnalyzeClasses(packages = "dev.sealant", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String JDK = "java..";
  private static final String JGIT = "org.eclipse.jgit..";

  /** Each package and what it may depend on: the table's third column. */
  private static ArchRule mayDependOn(String pkg, String... allowed) {
    String[] all = new String[allowed.length + 2];
    all[0] = "dev.sealant." + pkg + "..";
    all[1] = JDK;
    for (int i = 0; i < allowed.length; i++) {
      all[i + 2] = allowed[i].contains(".") ? allowed[i] : "dev.sealant." + allowed[i] + "..";
    }
    return classes()
        .that()
        .resideInAPackage("dev.sealant." + pkg + "..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(all)
        .as(pkg + " may depend on " + String.join(", ", allowed));
  }

  @ArchTest static final ArchRule kernel = mayDependOn("kernel");

  @ArchTest static final ArchRule error = mayDependOn("error");

  @ArchTest static final ArchRule json = mayDependOn("json");

  @ArchTest static final ArchRule validate = mayDependOn("validate");

  @ArchTest
  static final ArchRule catalog =
      mayDependOn("catalog", "kernel", "validate", "error", "com.google.re2j..", "org.snakeyaml..");

  @ArchTest
  static final ArchRule detect =
      mayDependOn("detect", "kernel", "catalog", "validate", "error", "com.google.re2j..");

  @ArchTest
  static final ArchRule allow =
      mayDependOn("allow", "kernel", "catalog", "detect", "json", "error");

  @ArchTest static final ArchRule source = mayDependOn("source", "kernel", "error");

  /** {@code git} (with {@code git.raw}); {@code git.raw} alone is checked below. */
  @ArchTest static final ArchRule git = mayDependOn("git", "kernel", "source", "error", JGIT);

  @ArchTest static final ArchRule gitRaw = mayDependOn("git.raw");

  @ArchTest
  static final ArchRule scan =
      mayDependOn("scan", "kernel", "source", "git", "detect", "allow", "catalog", "error", JGIT);

  @ArchTest
  static final ArchRule report = mayDependOn("report", "kernel", "scan", "detect", "json");

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
          "source",
          "git",
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
}
