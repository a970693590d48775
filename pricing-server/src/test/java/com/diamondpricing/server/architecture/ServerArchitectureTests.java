package com.diamondpricing.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server's package rules, on its compiled main classes. Features ({@code dataset}, {@code
 * inbox}, {@code prediction}, {@code registry}, {@code requestlog}, {@code similar}, {@code
 * training}) may use {@code web} and {@code system}; those two use no feature; nothing forms a
 * cycle; controllers are package-private and everything is injected through constructors.
 */
@AnalyzeClasses(
    packages = "com.diamondpricing.server",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ServerArchitectureTests {

  static final String[] FEATURES = {
    "com.diamondpricing.server.dataset..",
    "com.diamondpricing.server.inbox..",
    "com.diamondpricing.server.prediction..",
    "com.diamondpricing.server.registry..",
    "com.diamondpricing.server.requestlog..",
    "com.diamondpricing.server.similar..",
    "com.diamondpricing.server.training..",
    "com.diamondpricing.server.cli.."
  };

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("com.diamondpricing.server.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule webDependsOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("com.diamondpricing.server.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .because("the HTTP edge renders what features hand it; features depend on it");

  @ArchTest
  static final ArchRule systemDependsOnNoFeature =
      noClasses()
          .that()
          .resideInAPackage("com.diamondpricing.server.system..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("com.diamondpricing.server.web..");

  @ArchTest
  static final ArchRule nothingDependsOnTheCommandLine =
      noClasses()
          .that()
          .resideOutsideOfPackages("com.diamondpricing.server.cli..", "com.diamondpricing.server")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.diamondpricing.server.cli..");

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
          .beAnnotatedWith(Value.class)
          .orShould()
          .beAnnotatedWith("jakarta.inject.Inject")
          .orShould()
          .beAnnotatedWith("jakarta.annotation.Resource")
          .because("dependencies come through the constructor into final fields");

  @ArchTest
  static final ArchRule oneJsonLibrary =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.fasterxml.jackson.databind..")
          .because("the server reads and writes JSON with Spring's Jackson 3 (tools.jackson)");
}
