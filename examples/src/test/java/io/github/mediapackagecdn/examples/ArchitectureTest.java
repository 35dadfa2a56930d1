package io.github.mediapackagecdn.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.mediapackagecdn.aws.AwsChannelCdn;
import java.util.regex.Pattern;

/**
 * The examples, main and test classes alike, are what a user writes: they use the library's public API only, the
 * adapter through {@link AwsChannelCdn} alone and nothing by reflection.
 */
@AnalyzeClasses(packages = "io.github.mediapackagecdn.examples")
class ArchitectureTest {

  /** Guards the rules below against passing vacuously: they see the examples and their tests. */
  @ArchTest
  static void import_whenAnalysed_holdsTheExamplesAndTheirTests(JavaClasses classes) {
    assertThat(classes.stream().map(JavaClass::getName))
        .contains(QuickStart.class.getName(), LiveEventService.class.getName(), QuickStartTest.class.getName());
  }

  @ArchTest
  static final ArchRule examples_whenImported_useTheAdapterThroughAwsChannelCdnOnly = noClasses()
      .should().dependOnClassesThat(resideInAPackage("io.github.mediapackagecdn.aws..")
          .and(not(belongTo(equivalentTo(AwsChannelCdn.class)))))
      .because("the adapter's API is AwsChannelCdn (and its Builder); everything else in it is internal");

  private static final Pattern REFLECTIVE_LOOKUP =
      Pattern.compile("forName|newInstance|get(Declared)?(Method|Field|Constructor)s?|setAccessible");

  @ArchTest
  static final ArchRule examples_whenImported_useNoReflection = noClasses()
      .should().dependOnClassesThat().resideInAPackage("java.lang.reflect..")
      .orShould().dependOnClassesThat().resideInAPackage("java.lang.invoke..")
      .orShould().callMethodWhere(DescribedPredicate.describe("a reflective lookup on java.lang.Class",
          call -> call.getTargetOwner().isEquivalentTo(Class.class)
              && REFLECTIVE_LOOKUP.matcher(call.getName()).matches()))
      .because("an example shows the public API, not a way around it");

  @ArchTest
  static final ArchRule packages_whenSliced_areFreeOfCycles = slices()
      .matching("io.github.mediapackagecdn.(**)")
      .should().beFreeOfCycles();
}
