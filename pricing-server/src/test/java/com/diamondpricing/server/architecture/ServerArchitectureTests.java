package com.diamondpricing.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.diamondpricing.server.problem.Problem;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's package rules, on its compiled main classes. The packages are of three kinds:
 *
 * <ul>
 *   <li>the base, {@code system} (settings, database, clock, identity) and {@code problem} (the
 *       words every feature refuses in), which use no other package of the server;
 *   <li>the edges, {@code web} (HTTP) and {@code cli} (the command line), which use any feature and
 *       which no feature uses;
 *   <li>every other package is a feature: a new package is one, and under these rules, by itself.
 * </ul>
 *
 * Nothing forms a cycle; controllers are package-private; everything is injected through
 * constructors and every setting is a {@code @ConfigurationProperties} record.
 */
@AnalyzeClasses(
    packages = "com.diamondpricing.server",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ServerArchitectureTests {

  static final String ROOT = "com.diamondpricing.server";

  /** The packages under everything: they use no other package of the server. */
  static final Set<String> BASE = Set.of("system", "problem");

  /** The packages over everything: no feature uses them. */
  static final Set<String> EDGES = Set.of("web", "cli");

  /** The top package under the server's root a class belongs to, or "" for the root itself. */
  static String topPackage(JavaClass c) {
    String name = c.getPackageName();
    if (!name.startsWith(ROOT + ".")) {
      return "";
    }
    String rest = name.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  static final DescribedPredicate<JavaClass> IN_A_FEATURE =
      DescribedPredicate.describe(
          "in a feature (any package but " + BASE + " and " + EDGES + ")",
          c -> {
            String top = topPackage(c);
            return !top.isEmpty() && !BASE.contains(top) && !EDGES.contains(top);
          });

  static final DescribedPredicate<JavaClass> IN_THE_BASE =
      DescribedPredicate.describe("in " + BASE, c -> BASE.contains(topPackage(c)));

  static final DescribedPredicate<JavaClass> IN_AN_EDGE =
      DescribedPredicate.describe("in " + EDGES, c -> EDGES.contains(topPackage(c)));

  static final DescribedPredicate<JavaClass> OF_THE_SERVER =
      DescribedPredicate.describe(
          "of another package of the server", c -> c.getPackageName().startsWith(ROOT + "."));

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.diamondpricing.server.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noFeatureUsesAnEdge =
      noClasses()
          .that(IN_A_FEATURE)
          .should()
          .dependOnClassesThat(IN_AN_EDGE)
          .because(
              "features throw problems and hand over data; the HTTP edge and the command line"
                  + " word them");

  @ArchTest
  static final ArchRule theBaseUsesNoOtherPackage =
      noClasses()
          .that(IN_THE_BASE)
          .should()
          .dependOnClassesThat(
              DescribedPredicate.describe(
                  "in a feature or an edge", c -> OF_THE_SERVER.test(c) && !IN_THE_BASE.test(c)));

  @ArchTest
  static final ArchRule cliDoesNotUseWeb =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".web..");

  @ArchTest
  static final ArchRule problemsKnowNothingOfHttp =
      noClasses()
          .that()
          .resideInAPackage(ROOT + ".problem..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
          .because("a problem is the service's word; each edge chooses how to say it");

  @ArchTest
  static final ArchRule problemsAreNamedProblem =
      classes()
          .that()
          .areAssignableTo(Problem.class)
          .should()
          .haveSimpleNameEndingWith("Problem")
          .because("one naming rule: what a feature refuses with is a *Problem");

  @ArchTest
  static final ArchRule onlyProblemsAreNamedProblem =
      classes()
          .that()
          .areAssignableTo(Throwable.class)
          .and()
          .haveSimpleNameEndingWith("Problem")
          .should()
          .beAssignableTo(Problem.class);

  @ArchTest
  static final ArchRule nothingDependsOnTheCommandLine =
      noClasses()
          .that()
          .resideOutsideOfPackages(ROOT + ".cli..", ROOT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(ROOT + ".cli..");

  @ArchTest
  static final ArchRule onlyTheXgboostModelTypeImportsXgboost4j =
      noClasses().should().dependOnClassesThat().resideInAPackage("ml.dmlc..");

  @ArchTest
  static final ArchRule controllersArePackagePrivate =
      classes()
          .that()
          .areAnnotatedWith(RestController.class)
          .or()
          .areAnnotatedWith(Controller.class)
          .should()
          .notBePublic()
          .andShould()
          .notBeProtected();

  @ArchTest
  static final ArchRule noFieldInjection =
      noFields()
          .should()
          .beAnnotatedWith(Autowired.class)
          .orShould()
          .beAnnotatedWith("jakarta.inject.Inject")
          .orShould()
          .beAnnotatedWith("jakarta.annotation.Resource")
          .because("dependencies come through the constructor into final fields");

  @ArchTest
  static final ArchRule settingsAreConfigurationPropertiesRecords =
      noClasses()
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(Value.class)
          .because(
              "one configuration style: every setting is a component of a @ConfigurationProperties"
                  + " record, with its default written there once");

  @ArchTest
  static final ArchRule configurationPropertiesAreRecordsNamedProperties =
      classes()
          .that()
          .areAnnotatedWith(ConfigurationProperties.class)
          .should()
          .beRecords()
          .andShould()
          .haveSimpleNameEndingWith("Properties");

  @ArchTest
  static final ArchRule oneJsonLibrary =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.fasterxml.jackson.databind..")
          .because("the server reads and writes JSON with Spring's Jackson 3 (tools.jackson)");
}
