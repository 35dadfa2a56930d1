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
import io.github.mediapackagecdn.core.v2.port.ChannelGroups;
import java.util.Set;

/**
 * The seed's rule for the save path: saving never deletes or disables anything. Only the teardown use cases (v1's,
 * v2's and the distribution removal they share) call the ports' delete and disable methods; the second rule keeps the
 * first from passing vacuously.
 */
@AnalyzeClasses(packages = "io.github.mediapackagecdn.core", importOptions = ImportOption.DoNotIncludeTests.class)
class TeardownIsolationTest {

  /** The two teardown use cases and the distribution removal they share. */
  private static final Set<String> TEARDOWN = Set.of("io.github.mediapackagecdn.core.provisioning.TearingDown",
      "io.github.mediapackagecdn.core.v2.provisioning.TearingDownV2",
      "io.github.mediapackagecdn.core.cdn.DistributionRemoval");

  private static final DescribedPredicate<JavaMethodCall> DESTRUCTIVE_PORT_CALL =
      DescribedPredicate.describe("a delete or disable method of Distributions, Channels or ChannelGroups", call -> {
        String owner = call.getTarget().getOwner().getName();
        String name = call.getTarget().getName();
        return owner.equals(Distributions.class.getName()) && Set.of("disable", "delete").contains(name)
            || owner.equals(Channels.class.getName()) && Set.of("delete", "deleteEndpoint").contains(name)
            || owner.equals(ChannelGroups.class.getName()) && Set.of("deleteChannel", "deleteEndpoint").contains(name);
      });

  @ArchTest
  static final ArchRule destructivePortCalls_whenImported_comeFromTheTeardownUseCaseOnly = noClasses()
      .that(DescribedPredicate.describe("are not a teardown class", c -> !TEARDOWN.contains(c.getName())))
      .should().callMethodWhere(DESTRUCTIVE_PORT_CALL)
      .because("saving a channel or endpoint never deletes or disables a distribution, a channel or an endpoint");

  @ArchTest
  static final ArchRule teardownUseCase_whenImported_isWhereTheDestructiveCallsAre = classes()
      .that(DescribedPredicate.describe("are a teardown class", c -> TEARDOWN.contains(c.getName())))
      .should().callMethodWhere(DESTRUCTIVE_PORT_CALL);
}
