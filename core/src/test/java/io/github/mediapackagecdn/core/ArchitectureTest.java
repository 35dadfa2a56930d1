package io.github.mediapackagecdn.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.mediapackagecdn.core.cdn.Describer;
import io.github.mediapackagecdn.core.cdn.Packager;
import java.util.Optional;

/**
 * The package rules of core (CONTRIBUTING.md, "The design"), checked on the main classes only. The
 * Immutables-generated {@code Immutable*} classes live in the same packages as the types they implement, so every
 * rule below holds for them too.
 */
@AnalyzeClasses(packages = "io.github.mediapackagecdn.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Guards the rules below against passing vacuously: they see the main and generated classes, and no test class. */
  @ArchTest
  static void import_whenAnalysed_holdsMainAndGeneratedClassesButNoTests(JavaClasses classes) {
    assertThat(classes.stream().map(JavaClass::getName))
        .contains(
            "io.github.mediapackagecdn.core.provisioning.ChannelCdn",
            "io.github.mediapackagecdn.core.model.ChannelSpec",
            "io.github.mediapackagecdn.core.model.ImmutableChannelSpec",
            "io.github.mediapackagecdn.core.error.ValidationException",
            "io.github.mediapackagecdn.core.port.Distributions",
            "io.github.mediapackagecdn.core.audit.FleetAudit")
        .doesNotContain(ArchitectureTest.class.getName());
  }

  @ArchTest
  static final ArchRule core_whenImported_dependsOnNoAwsSdk = noClasses()
      .that().resideInAPackage("io.github.mediapackagecdn.core..")
      .should().dependOnClassesThat().resideInAPackage("software.amazon..")
      .because("core depends on slf4j-api only; the AWS SDK belongs to aws-adapter");

  @ArchTest
  static final ArchRule core_whenImported_dependsOnNeitherTestkitNorAdapter = noClasses()
      .that().resideInAPackage("io.github.mediapackagecdn.core..")
      .should().dependOnClassesThat().resideInAnyPackage("io.github.mediapackagecdn.testkit..",
          "io.github.mediapackagecdn.aws..")
      .because("the testkit and the adapter depend on core, never the reverse: core is the hexagon's inside");

  @ArchTest
  static final ArchRule model_whenImported_dependsOnNeitherPortsNorProvisioning = noClasses()
      .that().resideInAPackage("..core.model..")
      .should().dependOnClassesThat().resideInAnyPackage("..core.port..", "..core.provisioning..")
      .because("the model is the innermost layer");

  @ArchTest
  static final ArchRule port_whenImported_doesNotDependOnProvisioning = noClasses()
      .that().resideInAPackage("..core.port..")
      .should().dependOnClassesThat().resideInAPackage("..core.provisioning..")
      .because("ports speak the model's language, the use cases implement on top of them");

  @ArchTest
  static final ArchRule error_whenImported_dependsOnTheJdkOnly = classes()
      .that().resideInAPackage("..core.error..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("..core.error..", "java..")
      .because("the error hierarchy is the bottom of core, used by every other package");

  @ArchTest
  static final ArchRule event_whenImported_dependsOnTheModelAndErrorsOnly = classes()
      .that().resideInAPackage("..core.event..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("..core.event..", "..core.model..", "..core.error..",
          "java..", "org.immutables..")
      .because("events are values a listener reads: they speak the model's language and name the typed errors, and "
          + "the use cases that emit them depend on them, never the reverse");

  @ArchTest
  static final ArchRule audit_whenImported_dependsOnTheModelOnly = classes()
      .that().resideInAPackage("..core.audit..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("..core.audit..", "..core.model..", "..core.error..",
          "java..", "org.immutables..")
      .because("the audit report is values built from the model; the use case that builds it is in provisioning");

  @ArchTest
  static final ArchRule packages_whenSliced_areFreeOfCycles = slices()
      .matching("io.github.mediapackagecdn.core.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule provisioning_whenImported_exposesOnlyTheFacadeSettingsAndResults = classes()
      .that().resideInAPackage("..core.provisioning..").and().arePublic().and().areTopLevelClasses()
      .and().haveSimpleNameNotStartingWith("Immutable")
      .should().haveNameMatching(".*\\.provisioning\\.(ChannelCdn|LiveCdnSettings"
          + "|ChannelSaveResult|EndpointSaveResult|ChannelDetails|DistributionDetails|EndpointDetails)")
      .because("the use cases, concerns and rules of core.provisioning are package-private, so they can change "
          + "without breaking a user; only the facade, its settings and its results are public");

  /** The engine's classes that only the facades call: their Optional parameters pass what a facade holds. */
  private static final String ENGINE_MACHINERY =
      ".*\\.core\\.cdn\\.(Listeners|DistributionUpdaters?|DistributionRemoval|VisibilityWait|TakenReferences"
      + "|Packager|Attaching|Describer)(\\$.*)?";

  @ArchTest
  static final ArchRule engine_whenImported_dependsOnNeitherSide = noClasses()
      .that().resideInAPackage("..core.cdn..")
      .should().dependOnClassesThat().resideInAnyPackage("..core.provisioning..", "..core.v2..")
      .because("the CloudFront side is written once, below both MediaPackage sides: v1 and v2 use it, never the reverse");

  @ArchTest
  static final ArchRule v1_whenImported_knowsNothingOfV2 = noClasses()
      .that().resideInAnyPackage("..core.model..", "..core.port..", "..core.provisioning..", "..core.event..",
          "..core.audit..", "..core.error..")
      .should().dependOnClassesThat().resideInAPackage("..core.v2..")
      .because("v2 builds on the shared distribution, links, change set and events; v2's channel groups and policies "
          + "stay out of v1's types");

  @ArchTest
  static final ArchRule v2Side_whenImported_dependsOnNothingOfV1sSide = noClasses()
      .that().resideInAPackage("..core.v2..")
      .should().dependOnClassesThat().resideInAPackage("..core.provisioning..")
      .because("the two MediaPackage sides never import each other: what both use (the common settings, the teardown "
          + "options and results, the outcomes) is the engine's, in core.cdn");

  @ArchTest
  static final ArchRule v1Side_whenImported_dependsOnNothingOfV2sSide = noClasses()
      .that().resideInAPackage("..core.provisioning..")
      .should().dependOnClassesThat().resideInAPackage("..core.v2..")
      .because("the two MediaPackage sides never import each other: what both use is the engine's, in core.cdn");

  @ArchTest
  static final ArchRule v2Model_whenImported_dependsOnTheModelsAndErrorsOnly = classes()
      .that().resideInAPackage("..core.v2.model..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("..core.v2.model..", "..core.model..",
          "..core.error..", "java..", "org.immutables..")
      .because("the v2 model is, like v1's, the innermost layer");

  @ArchTest
  static final ArchRule v2Port_whenImported_doesNotDependOnProvisioning = noClasses()
      .that().resideInAPackage("..core.v2.port..")
      .should().dependOnClassesThat().resideInAnyPackage("..core.v2.provisioning..", "..core.provisioning..")
      .because("ports speak the model's language, the use cases implement on top of them");

  @ArchTest
  static final ArchRule v2Provisioning_whenImported_exposesOnlyTheFacadeAndResults = classes()
      .that().resideInAPackage("..core.v2.provisioning..").and().arePublic().and().areTopLevelClasses()
      .and().haveSimpleNameNotStartingWith("Immutable")
      .should().haveNameMatching(".*\\.v2\\.provisioning\\.(ChannelCdnV2|V2CdnSettings|V2ChannelSaveResult"
          + "|V2EndpointSaveResult|V2ChannelDetails|V2EndpointDetails|V2ManifestUrl|V2MovePlan|V2MoveResult)")
      .because("the v2 use cases, concerns and rules are package-private, as v1's");

  @ArchTest
  static final ArchRule engine_whenImported_dependsOnEventsModelErrorsAndPortsOnly = classes()
      .that().resideInAPackage("..core.cdn..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("..core.cdn..", "..core.event..", "..core.model..",
          "..core.error..", "..core.port..", "..core.audit..", "java..", "org.slf4j..", "org.immutables..")
      .because("core.cdn holds what the v1 and v2 facades share; it knows neither of them");

  @ArchTest
  static final ArchRule sides_whenImported_implementTheEngineSpiPackagePrivately = classes()
      .that().implement(Packager.class).or().implement(Describer.class)
      .should().notBePublic()
      .andShould().resideInAnyPackage("..core.provisioning..", "..core.v2.provisioning..")
      .because("each MediaPackage side implements the engine's SPI once, in its own package, and shows it to no one");

  @ArchTest
  static final ArchRule engine_whenImported_isUsedByTheFacadesOnly = noClasses()
      .that().resideOutsideOfPackages("..core.cdn..", "..core.provisioning..", "..core.v2.provisioning..")
      .should().dependOnClassesThat().resideInAPackage("..core.cdn..")
      .because("the engine is below the two facades; the model, ports, events and errors know nothing of it");

  @ArchTest
  static final ArchRule publicMethods_whenImported_takeNoOptionalParameter = methods()
      .that().arePublic().and().areDeclaredInClassesThat().arePublic()
      .and().areDeclaredInClassesThat().haveNameNotMatching(ENGINE_MACHINERY)
      .and().areDeclaredInClassesThat().haveNameNotMatching(".*\\.Immutable\\w*(\\$.*)?")
      .should(new ArchCondition<JavaMethod>("take no Optional parameter") {
        @Override
        public void check(JavaMethod method, ConditionEvents events) {
          if (method.getRawParameterTypes().stream().anyMatch(type -> type.isEquivalentTo(Optional.class))) {
            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes an Optional"));
          }
        }
      })
      .because("an Optional parameter makes every caller wrap a value; an overload reads better (the Immutables "
          + "builders, generated, and the engine's machinery, which the facades call and applications do not, are left out)");
}
