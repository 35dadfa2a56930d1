package io.github.mediapackagecdn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.AccessDeniedException;
import io.github.mediapackagecdn.core.error.ServiceFailureException;
import io.github.mediapackagecdn.core.error.ThrottledException;
import io.github.mediapackagecdn.core.error.UnknownOutcomeException;
import io.github.mediapackagecdn.core.model.ChannelSpec;
import org.junit.jupiter.api.Test;

/** The one-sentence fault injection: {@code aws.failNext(operation).times(n).with...()}. */
class NextFailuresTest {

  private final FakeAws aws = FakeAws.create();
  private final ChannelSpec live = ChannelSpec.builder().id("live").build();

  @Test
  void withThrottling_failsTheNextCallOnly_withTheServicesThrottlingCode() {
    aws.failNext(Operation.CREATE_CHANNEL).withThrottling();

    assertThatThrownBy(() -> aws.channels().create(live)).isInstanceOfSatisfying(ThrottledException.class,
        e -> assertThat(e.errorCode()).contains("TooManyRequestsException"));
    assertThat(aws.channels().all()).isEmpty();
    assertThat(aws.channels().create(live).id().value()).isEqualTo("live");
    assertThat(aws.calls(Operation.CREATE_CHANNEL)).hasSize(2);
  }

  @Test
  void times_failsThatManyCalls_eachWithAFreshError() {
    aws.failNext(Operation.CREATE_CHANNEL).times(2).withServiceUnavailable();

    Throwable first = org.assertj.core.api.Assertions.catchThrowable(() -> aws.channels().create(live));
    Throwable second = org.assertj.core.api.Assertions.catchThrowable(() -> aws.channels().create(live));
    assertThat(first).isInstanceOf(ServiceFailureException.class).hasMessageContaining("CreateChannel");
    assertThat(second).isInstanceOf(ServiceFailureException.class).isNotSameAs(first);
    assertThat(aws.channels().all()).isEmpty();
    aws.channels().create(live);
    assertThat(aws.channels().all()).hasSize(1);
    assertThat(aws.calls(Operation.CREATE_CHANNEL)).hasSize(3);
  }

  @Test
  void withLostResponse_actsThenReportsAnUnknownOutcome_thatManyTimes() {
    aws.failNext(Operation.CREATE_CHANNEL).times(2).withLostResponse();

    assertThatThrownBy(() -> aws.channels().create(live)).isInstanceOf(UnknownOutcomeException.class);
    assertThat(aws.channels().all()).hasSize(1);
    assertThatThrownBy(() -> aws.channels().create(ChannelSpec.builder().id("other").build()))
        .isInstanceOf(UnknownOutcomeException.class);
    assertThat(aws.channels().all()).hasSize(2);
  }

  @Test
  void with_takesAnInstance_orASupplierSuchAsFaults() {
    AccessDeniedException denied = new AccessDeniedException("not allowed", "mediapackage:CreateChannel");
    aws.failNext(Operation.CREATE_CHANNEL).with(denied);
    aws.failNext(Operation.DESCRIBE_CHANNEL).with(Faults.throttled(Operation.DESCRIBE_CHANNEL));

    assertThatThrownBy(() -> aws.channels().create(live)).isSameAs(denied);
    assertThatThrownBy(() -> aws.channels().find(io.github.mediapackagecdn.core.model.ChannelId.of("live")))
        .isInstanceOf(ThrottledException.class);
  }

  @Test
  void onlyTheNamedOperationFails() {
    aws.failNext(Operation.UPDATE_CHANNEL).withThrottling();

    aws.channels().create(live);
    assertThat(aws.channels().all()).hasSize(1);
  }

  @Test
  void aSentenceWithoutAnError_injectsNothing_andBadCountsAreRefused() {
    aws.failNext(Operation.CREATE_CHANNEL).times(3);
    aws.channels().create(live);
    assertThat(aws.channels().all()).hasSize(1);

    assertThatThrownBy(() -> aws.failNext(Operation.CREATE_CHANNEL).times(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one call");
    assertThatThrownBy(() -> aws.failNext(null)).isInstanceOf(NullPointerException.class);
  }
}
