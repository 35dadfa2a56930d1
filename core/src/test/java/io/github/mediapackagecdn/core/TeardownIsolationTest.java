package io.github.mediapackagecdn.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.mediapackagecdn.core.port.Channels;
import io.github.mediapackagecdn.core.port.Distributions;
import java.util.Set;

/**
 * The seed's rule for the save path: saving never deletes or disables anything. Only the teardown use case calls the
 * ports' delete and disable methods; the second rule keeps the first from passing vacuously.
 */
@AnalyzeClasses(packages = "io.github.mediapackagecdn.core", importOptions = ImportOption.DoNotIncludeTests.class)
class TeardownIsolationTest {

  private static final String TEARDOWN = "io.github.mediapackagecdn.core.provisioning.TearingDown";

  private static final DescribedPredicate<JavaMethodCall> DESTRUCTIVE_PORT_CALL =
      DescribedPredicate.describe("a delete or disable method of Distributions or Channels", call -> {
        String owner = call.getTarget().getOwner().getName();
        String name = call.getTarget().getName();
        return owner.equals(Distributions.class.getName()) && Set.of("disable", "delete").contains(name)
            || owner.equals(Channels.class.getName()) && Set.of("delete", "deleteEndpoint").contains(name);
      });

  @ArchTest
  static final ArchRule destructivePortCalls_whenImported_comeFromTheTeardownUseCaseOnly = noClasses()
      .that().doNotHaveFullyQualifiedName(TEARDOWN)
      .should().callMethodWhere(DESTRUCTIVE_PORT_CALL)
      .because("saving a channel or endpoint never deletes or disables a distribution, a channel or an endpoint");

  @ArchTest
  static final ArchRule teardownUseCase_whenImported_isWhereTheDestructiveCallsAre = classes()
      .that().haveFullyQualifiedName(TEARDOWN)
      .should().callMethodWhere(DESTRUCTIVE_PORT_CALL);
}
