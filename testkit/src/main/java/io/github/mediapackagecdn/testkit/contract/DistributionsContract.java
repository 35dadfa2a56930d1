package io.github.mediapackagecdn.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.error.DeploymentTimeoutException;
import io.github.mediapackagecdn.core.error.InvalidRequestException;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.error.ResourceNotFoundException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.CdnIdentifier;
import io.github.mediapackagecdn.core.model.ChangeSet;
import io.github.mediapackagecdn.core.model.ChannelId;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.DistributionSummary;
import io.github.mediapackagecdn.core.model.EndpointUrl;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginEndpointId;
import io.github.mediapackagecdn.core.model.Packaging;
import io.github.mediapackagecdn.core.provisioning.LiveCdnSettings;
import io.github.mediapackagecdn.testkit.SampleDistributions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.github.mediapackagecdn.core.port.Distributions}: what CloudFront does with distributions
 * (CallerReference, ETag and {@code If-Match}, {@code InProgress}/{@code Deployed}), as every implementation must show
 * it through the port.
 *
 * <p>Subclasses give the port under test and arrange the world with the {@code given...} hooks; the world starts
 * without any distribution for every test.
 */
public abstract class DistributionsContract {

  /** A CloudFront distribution id, such as {@code E1U5RQF7T870K0}. */
  protected static final Pattern DISTRIBUTION_ID = Pattern.compile("E[A-Z0-9]{12,13}");

  /** {@code d<13 lower-case letters and digits>.cloudfront.net}. */
  protected static final Pattern DOMAIN_NAME = Pattern.compile("d[a-z0-9]{13}\\.cloudfront\\.net");

  /** The default settings the scenarios' configurations are made with. */
  protected static final CdnSettings SETTINGS = CdnSettings.defaults();

  /** The default v1 layout settings the scenarios' configurations are made with. */
  protected static final LiveCdnSettings LAYOUT = LiveCdnSettings.defaults();

  /** An id no distribution has. */
  protected static final DistributionId UNKNOWN = DistributionId.of("E0NOSUCHDISTRI");

  /** Behaviour an implementation may not show; every one is expected unless {@link #capabilities()} leaves it out. */
  public enum Capability {
    /**
     * An update or a delete without an ETag (blank or null) is refused as CloudFront refuses it: {@link InvalidRequestException}
     * with {@code InvalidIfMatchVersion} (400, "The If-Match version is missing or not valid"), and nothing is written.
     */
    REFUSES_A_MISSING_ETAG
  }

  /** The port under test. */
  protected abstract io.github.mediapackagecdn.core.port.Distributions distributions();

  /** What the implementation shows; all of {@link Capability} unless a subclass says otherwise, and why. */
  protected Set<Capability> capabilities() {
    return EnumSet.allOf(Capability.class);
  }

  private void assumeCapability(Capability capability) {
    assumeTrue(capabilities().contains(capability), () -> "a documented capability gap: " + capability);
  }

  /**
   * The world has a distribution created from {@code config} with {@code tags}, whose status is now {@code status};
   * answers it as GetDistribution reports it (with its ETag). A {@code DEPLOYED} distribution may deploy the ones given
   * before it too.
   */
  protected abstract Distribution givenDistribution(
      DistributionConfig config, Map<String, String> tags, DistributionStatus status);

  /** The world keeps {@code callerReference} taken, by a distribution that may or may not still exist. */
  protected abstract void givenCallerReferenceTaken(String callerReference);

  /**
   * Someone changed the distribution (its comment) since {@code read} was read; answers it as read now, with its new
   * ETag.
   */
  protected abstract Distribution givenChangedSince(Distribution read);

  /**
   * Another writer changes the distribution (its comment) between the next update's read and its write, so that
   * CloudFront refuses the write with {@code PreconditionFailed}.
   */
  protected abstract void givenAnotherWriterWinsTheNextUpdate(DistributionId id);

  /**
   * The {@code InProgress} distribution {@code id} finishes deploying while it is awaited: within a few status reads,
   * and before a timeout of 30 minutes.
   */
  protected abstract void givenDeployedWhileAwaited(DistributionId id);

  // ---------------------------------------------------------------- fixtures

  /** The distribution the library creates for a channel without endpoints. */
  protected static DistributionConfig placeholderConfig(String channelId, int generation) {
    return SampleDistributions.newChannelDistribution(ChannelId.of(channelId),
        "contract-" + channelId + "-" + generation);
  }

  /** An HLS endpoint with CDN authorization on the egress host {@code host}. */
  protected static OriginEndpoint hlsEndpoint(String host) {
    return OriginEndpoint.builder()
        .id(OriginEndpointId.of("live-news-hls"))
        .channelId(ChannelId.of("live-news"))
        .packaging(Packaging.HLS)
        .addUrls(EndpointUrl.of("https://" + host + "/out/v1/869e237f851549e9bcf10e3bc2830839/index.m3u8"))
        .authorization(CdnAuthorization.of("arn:aws:secretsmanager:us-west-2:123456789012:secret:cdn-AbCdEf",
            "arn:aws:iam::123456789012:role/MediaPackageSecrets"))
        .build();
  }

  /** The egress host of the endpoints the scenarios add. */
  protected static final String HOST = "abcd1234abcd1234.mediapackage.us-west-2.amazonaws.com";

  /** What the library changes when the channel of {@code config} gets an HLS endpoint with CDN authorization. */
  protected static ChangeSet hlsChanges(DistributionConfig config) {
    return SampleDistributions.endpointChanges(config, hlsEndpoint(HOST),
        CdnIdentifier.of("5f0c2a3e-7d4b-4e0c-9f51-3f3c0b2d7a10"));
  }

  /** A distribution as the library leaves it once the channel has an HLS endpoint: every modelled field in use. */
  protected static DistributionConfig fullConfig(String channelId, int generation) {
    DistributionConfig placeholder = placeholderConfig(channelId, generation);
    return hlsChanges(placeholder).applyTo(placeholder);
  }

  /** The link tag of a channel plus one user tag, for a distribution of channel {@code channelId}. */
  protected static Map<String, String> linkTags(String channelId) {
    return Map.of(SETTINGS.linkTagKey(),
        "arn:aws:mediapackage:us-west-2:123456789012:channels/" + "0123456789abcdef0123456789abcdef", "team", channelId);
  }

  /**
   * {@code config} with every behaviour's methods in one order: CloudFront answers a set of methods, in an order of its
   * own.
   */
  protected static DistributionConfig methodsSorted(DistributionConfig config) {
    return DistributionConfig.builder().from(config)
        .defaultBehavior(methodsSorted(config.defaultBehavior()))
        .cacheBehaviors(config.cacheBehaviors().stream().map(DistributionsContract::methodsSorted).toList())
        .build();
  }

  private static CacheBehavior methodsSorted(CacheBehavior behavior) {
    return CacheBehavior.builder().from(behavior)
        .allowedMethods(behavior.allowedMethods().stream().sorted().toList())
        .cachedMethods(behavior.cachedMethods().stream().sorted().toList())
        .build();
  }

  /**
   * Asserts both configurations are equal, ignoring the order of each behaviour's methods and an origin timeout one
   * side leaves out and the other has at CloudFront's default (CloudFront answers its defaults: connection 10 s, 3
   * attempts, read 30 s, keep-alive 5 s).
   */
  protected static void assertSameModelledConfig(DistributionConfig actual, DistributionConfig expected) {
    assertThat(withOriginDefaults(methodsSorted(actual))).isEqualTo(withOriginDefaults(methodsSorted(expected)));
  }

  private static DistributionConfig withOriginDefaults(DistributionConfig config) {
    return DistributionConfig.builder().from(config)
        .origins(config.origins().stream().map(o -> Origin.builder().from(o)
            .connectionTimeoutSeconds(o.connectionTimeoutSeconds().orElse(10))
            .connectionAttempts(o.connectionAttempts().orElse(3))
            .readTimeoutSeconds(o.readTimeoutSeconds().orElse(30))
            .keepAliveTimeoutSeconds(o.keepAliveTimeoutSeconds().orElse(5))
            .build()).toList())
        .build();
  }

  // ---------------------------------------------------------------- scenarios

  @Nested
  class Create {

    @Test
    void create_whenCallerReferenceIsNew_returnsAnInProgressDistributionWithIdDomainArnAndEtag() {
      Distribution created = distributions().create(placeholderConfig("live-news", 0), linkTags("live-news"));

      assertThat(created.id().value()).matches(DISTRIBUTION_ID);
      assertThat(created.domainName()).matches(DOMAIN_NAME);
      assertThat(created.arn()).matches("arn:aws[a-z-]*:cloudfront::[0-9]{12}:distribution/" + created.id().value());
      assertThat(created.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
      assertThat(created.etag()).isNotBlank();
      assertThat(created.lastModified()).isPresent();
    }

    @Test
    void create_whenConfigUsesEveryModelledField_returnsItAsSent() {
      DistributionConfig config = fullConfig("live-news", 0);

      Distribution created = distributions().create(config, linkTags("live-news"));

      assertSameModelledConfig(created.config(), config);
      assertThat(created.config().origins()).extracting(o -> o.id()).containsExactly("EMP-abcd1234abcd1234");
      assertThat(created.config().origins().get(0).customHeaders())
          .containsOnlyKeys(LiveCdnSettings.CDN_IDENTIFIER_HEADER);
      assertThat(created.config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
          .containsExactly("*.m3u8", "*.ts");
      assertThat(created.config().errorCachingMinTtl()).isNotEmpty().containsValue(1L);
    }

    @Test
    void create_whenCreated_isFoundWithTheSameEtagAndConfig() {
      Distribution created = distributions().create(fullConfig("live-news", 0), linkTags("live-news"));

      Distribution found = distributions().find(created.id()).orElseThrow();

      assertThat(found.etag()).isEqualTo(created.etag());
      assertThat(found.domainName()).isEqualTo(created.domainName());
      assertThat(found.arn()).isEqualTo(created.arn());
      assertSameModelledConfig(found.config(), created.config());
    }

    @Test
    void create_whenTwoCallerReferences_createsTwoDistributions() {
      Distribution first = distributions().create(placeholderConfig("live-news", 0), Map.of());
      Distribution second = distributions().create(placeholderConfig("live-news", 1), Map.of());

      assertThat(second.id()).isNotEqualTo(first.id());
      assertThat(second.domainName()).isNotEqualTo(first.domainName());
    }

    @Test
    void create_whenCallerReferenceWasUsed_throwsAlreadyExistsDistributionAlreadyExists() {
      DistributionConfig config = placeholderConfig("live-news", 0);
      givenCallerReferenceTaken(config.callerReference());

      assertThatThrownBy(() -> distributions().create(config, linkTags("live-news")))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS);
            assertThat(e.errorCode()).contains("DistributionAlreadyExists");
            assertThat(e.retryable()).isFalse();
          });
    }

    @Test
    void create_whenCallerReferenceIsReused_throwsAlreadyExistsAndCreatesNothing() {
      DistributionConfig config = placeholderConfig("live-news", 0);
      Distribution first = distributions().create(config, Map.of());

      assertThatThrownBy(() -> distributions().create(config, Map.of()))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.errorCode()).contains("DistributionAlreadyExists"));
      assertThat(distributions().list()).extracting(DistributionSummary::id).containsExactly(first.id());
    }
  }

  @Nested
  class Find {

    @Test
    void find_whenIdIsUnknown_returnsEmpty() {
      givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.IN_PROGRESS);

      assertThat(distributions().find(UNKNOWN)).isEmpty();
    }

    @Test
    void find_whenDistributionExists_returnsItWithItsEtagStatusAndConfig() {
      DistributionConfig config = fullConfig("live-news", 0);
      Distribution given = givenDistribution(config, linkTags("live-news"), DistributionStatus.DEPLOYED);

      Distribution found = distributions().find(given.id()).orElseThrow();

      assertThat(found.etag()).isEqualTo(given.etag()).isNotBlank();
      assertThat(found.status()).isEqualTo(DistributionStatus.DEPLOYED);
      assertThat(found.domainName()).matches(DOMAIN_NAME);
      assertSameModelledConfig(found.config(), config);
    }
  }

  @Nested
  class Update {

    @Test
    void update_whenEtagIsCurrent_appliesTheChangesAndAnswersANewEtagInProgress() {
      DistributionConfig config = placeholderConfig("live-news", 0);
      Distribution given = givenDistribution(config, linkTags("live-news"), DistributionStatus.DEPLOYED);
      ChangeSet changes = hlsChanges(given.config());

      Distribution updated = distributions().update(given.id(), given.etag(), changes);

      assertThat(updated.id()).isEqualTo(given.id());
      assertThat(updated.etag()).isNotBlank().isNotEqualTo(given.etag());
      assertThat(updated.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
      assertSameModelledConfig(updated.config(), changes.applyTo(config));
      assertThat(updated.config().defaultBehavior().targetOriginId()).isEqualTo("EMP-abcd1234abcd1234");
      assertThat(updated.config().origin(LAYOUT.placeholderOriginId())).isEmpty();
    }

    @Test
    void update_whenApplied_isWhatTheNextReadShows() {
      Distribution given = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);

      Distribution updated = distributions().update(given.id(), given.etag(), hlsChanges(given.config()));

      Distribution found = distributions().find(given.id()).orElseThrow();
      assertThat(found.etag()).isEqualTo(updated.etag());
      assertSameModelledConfig(found.config(), updated.config());
    }

    @Test
    void update_whenTheNewEtagIsUsed_acceptsAnotherUpdate() {
      Distribution given = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      Distribution first = distributions().update(given.id(), given.etag(), hlsChanges(given.config()));
      ChangeSet more = SampleDistributions.endpointChanges(first.config(), OriginEndpoint.builder()
          .from(hlsEndpoint(HOST)).id(OriginEndpointId.of("live-news-dash")).packaging(Packaging.DASH)
          .urls(List.of(EndpointUrl.of("https://" + HOST + "/out/v1/247cff871f2845d3805129be22f2c0a2/index.mpd")))
          .build(), CdnIdentifier.of("5f0c2a3e-7d4b-4e0c-9f51-3f3c0b2d7a10"));

      Distribution second = distributions().update(given.id(), first.etag(), more);

      assertThat(second.etag()).isNotEqualTo(first.etag());
      assertThat(second.config().cacheBehaviors()).extracting(CacheBehavior::pathPattern)
          .containsExactly("*.m3u8", "*.ts", "*.mpd", "*.mp4");
    }

    @Test
    void update_whenEtagIsStale_throwsStaleVersionAndWritesNothing() {
      Distribution read = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      Distribution current = givenChangedSince(read);

      assertThatThrownBy(() -> distributions().update(read.id(), read.etag(), hlsChanges(read.config())))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
            assertThat(e.retryable()).isTrue();
            // An implementation that sees the stale ETag before writing has no CloudFront error code to report.
            assertThat(e.errorCode().orElse("PreconditionFailed")).isEqualTo("PreconditionFailed");
          });
      Distribution after = distributions().find(read.id()).orElseThrow();
      assertThat(after.etag()).isEqualTo(current.etag());
      assertSameModelledConfig(after.config(), current.config());
    }

    @Test
    void update_whenAnotherWriterWinsTheRace_throwsStaleVersionPreconditionFailed() {
      Distribution read = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      givenAnotherWriterWinsTheNextUpdate(read.id());

      assertThatThrownBy(() -> distributions().update(read.id(), read.etag(), hlsChanges(read.config())))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
            assertThat(e.errorCode()).contains("PreconditionFailed");
            assertThat(e.retryable()).isTrue();
          });
      Distribution after = distributions().find(read.id()).orElseThrow();
      assertThat(after.etag()).isNotEqualTo(read.etag());
      assertThat(after.config().origin(LAYOUT.placeholderOriginId())).isPresent();
      assertThat(after.config().cacheBehaviors()).isEmpty();
    }

    @Test
    void update_whenDistributionIsMissing_throwsNotFoundNoSuchDistribution() {
      assertThatThrownBy(() -> distributions().update(UNKNOWN, "E2QWRUHAPOMQZL",
          hlsChanges(placeholderConfig("live-news", 0))))
          .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
            assertThat(e.errorCode()).contains("NoSuchDistribution");
            assertThat(e.resourceId()).contains(UNKNOWN.value());
          });
    }

    @Test
    void update_whenEtagIsBlank_throwsInvalidRequestInvalidIfMatchVersionAndWritesNothing() {
      assumeCapability(Capability.REFUSES_A_MISSING_ETAG);
      Distribution given = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);

      assertThatThrownBy(() -> distributions().update(given.id(), "", hlsChanges(given.config())))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("InvalidIfMatchVersion"));
      assertThat(distributions().find(given.id()).orElseThrow().etag()).isEqualTo(given.etag());
    }

    @Test
    void update_whenEtagIsNull_throwsInvalidRequestInvalidIfMatchVersion() {
      assumeCapability(Capability.REFUSES_A_MISSING_ETAG);
      Distribution given = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);

      assertThatThrownBy(() -> distributions().update(given.id(), null, hlsChanges(given.config())))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("InvalidIfMatchVersion"));
      assertThat(distributions().find(given.id()).orElseThrow().etag()).isEqualTo(given.etag());
    }

    @Test
    void update_whenEveryChangeIsAlreadyThere_answersTheDistributionUnchanged() {
      DistributionConfig full = fullConfig("live-news", 0);
      Distribution given = givenDistribution(full, Map.of(), DistributionStatus.DEPLOYED);
      // Computed against the placeholder: every change is in the distribution already.
      ChangeSet changes = hlsChanges(placeholderConfig("live-news", 0));

      Distribution result = distributions().update(given.id(), given.etag(), changes);

      assertThat(result.etag()).isEqualTo(given.etag());
      assertThat(result.status()).isEqualTo(DistributionStatus.DEPLOYED);
      assertSameModelledConfig(result.config(), full);
      assertThat(distributions().find(given.id()).orElseThrow().etag()).isEqualTo(given.etag());
    }
  }

  @Nested
  class Listing {

    @Test
    void list_whenNoDistribution_returnsEmpty() {
      assertThat(distributions().list()).isEmpty();
    }

    @Test
    void list_whenDistributionsExist_returnsTheirSummaries() {
      Distribution a = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.IN_PROGRESS);
      Distribution b = givenDistribution(fullConfig("live-sports", 0), Map.of(), DistributionStatus.IN_PROGRESS);

      List<DistributionSummary> summaries = distributions().list();

      assertThat(summaries).extracting(DistributionSummary::id).containsExactlyInAnyOrder(a.id(), b.id());
      for (Distribution given : List.of(a, b)) {
        DistributionSummary summary = summaries.stream().filter(s -> s.id().equals(given.id())).findFirst().orElseThrow();
        assertThat(summary.arn()).isEqualTo(given.arn());
        assertThat(summary.domainName()).isEqualTo(given.domainName());
        assertThat(summary.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
        assertThat(summary.comment()).isEqualTo(given.config().comment());
      }
    }

    @Test
    void list_whenDistributionsExist_holdsTheirOriginsAndBehavioursAsGetDistributionReadsThem() {
      Distribution a = givenDistribution(placeholderConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      Distribution b = givenDistribution(fullConfig("live-sports", 0), Map.of(), DistributionStatus.DEPLOYED);

      List<DistributionSummary> summaries = distributions().list();

      for (Distribution given : List.of(a, b)) {
        DistributionSummary summary = summaries.stream().filter(s -> s.id().equals(given.id())).findFirst().orElseThrow();
        Distribution read = distributions().find(given.id()).orElseThrow();
        assertThat(summary.enabled()).isEqualTo(read.config().enabled());
        assertThat(summary.origins()).isEqualTo(read.config().origins());
        assertThat(summary.defaultBehavior()).contains(read.config().defaultBehavior());
        assertThat(summary.cacheBehaviors()).isEqualTo(read.config().cacheBehaviors());
      }
      assertThat(summaries.stream().filter(s -> s.id().equals(b.id())).findFirst().orElseThrow().cacheBehaviors())
          .isNotEmpty();
    }
  }

  @Nested
  class AwaitDeployed {

    @Test
    void awaitDeployed_whenDeployed_returnsIt() {
      Distribution given = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);

      Distribution deployed = distributions().awaitDeployed(given.id(), Duration.ofMinutes(30));

      assertThat(deployed.status()).isEqualTo(DistributionStatus.DEPLOYED);
      assertThat(deployed.etag()).isEqualTo(given.etag());
      assertSameModelledConfig(deployed.config(), given.config());
    }

    @Test
    void awaitDeployed_whenInProgress_waitsUntilDeployed() {
      Distribution given = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.IN_PROGRESS);
      givenDeployedWhileAwaited(given.id());

      Distribution deployed = distributions().awaitDeployed(given.id(), Duration.ofMinutes(30));

      assertThat(deployed.status()).isEqualTo(DistributionStatus.DEPLOYED);
      assertThat(deployed.id()).isEqualTo(given.id());
    }

    @Test
    void awaitDeployed_whenNotDeployedInTime_throwsDeploymentTimeout() {
      // Real CloudFront takes minutes; an implementation's waiting is bounded by the timeout, or by its poll count.
      Distribution given = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.IN_PROGRESS);

      assertThatThrownBy(() -> distributions().awaitDeployed(given.id(), Duration.ofSeconds(90)))
          .isInstanceOfSatisfying(DeploymentTimeoutException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void awaitDeployed_whenDistributionIsMissing_throwsNotFound() {
      assertThatThrownBy(() -> distributions().awaitDeployed(UNKNOWN, Duration.ofMinutes(1)))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NoSuchDistribution"));
    }
  }

  @Nested
  class DisableAndDelete {

    private Distribution givenDisabledAndDeployed() {
      DistributionConfig disabled = DistributionConfig.builder().from(fullConfig("live-news", 0)).enabled(false).build();
      return givenDistribution(disabled, linkTags("live-news"), DistributionStatus.DEPLOYED);
    }

    private void assertConflict(Runnable call, ResourceConflictException.Reason reason, String errorCode) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceConflictException.class, e -> {
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.errorCode()).contains(errorCode);
      });
    }

    @Test
    void disable_whenEtagIsCurrent_writesEnabledFalseKeepingTheRestAndAnswersInProgressWithANewEtag() {
      DistributionConfig config = fullConfig("live-news", 0);
      Distribution given = givenDistribution(config, linkTags("live-news"), DistributionStatus.DEPLOYED);

      Distribution disabled = distributions().disable(given.id(), given.etag());

      assertThat(disabled.config().enabled()).isFalse();
      assertSameModelledConfig(disabled.config(), DistributionConfig.builder().from(config).enabled(false).build());
      assertThat(disabled.status()).isEqualTo(DistributionStatus.IN_PROGRESS);
      assertThat(disabled.etag()).isNotBlank().isNotEqualTo(given.etag());
      Distribution found = distributions().find(given.id()).orElseThrow();
      assertThat(found.etag()).isEqualTo(disabled.etag());
      assertThat(found.config().enabled()).isFalse();
    }

    @Test
    void disable_whenDisabledAlready_answersItUnchanged() {
      Distribution given = givenDisabledAndDeployed();

      Distribution result = distributions().disable(given.id(), given.etag());

      assertThat(result.etag()).isEqualTo(given.etag());
      assertThat(result.status()).isEqualTo(DistributionStatus.DEPLOYED);
      assertThat(result.config().enabled()).isFalse();
    }

    @Test
    void disable_whenEtagIsStale_throwsStaleVersionAndWritesNothing() {
      Distribution read = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      Distribution current = givenChangedSince(read);

      assertThatThrownBy(() -> distributions().disable(read.id(), read.etag()))
          .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
            assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.STALE_VERSION);
            assertThat(e.errorCode().orElse("PreconditionFailed")).isEqualTo("PreconditionFailed");
          });
      Distribution after = distributions().find(read.id()).orElseThrow();
      assertThat(after.etag()).isEqualTo(current.etag());
      assertThat(after.config().enabled()).isTrue();
    }

    @Test
    void disable_whenAnotherWriterWinsTheRace_throwsStaleVersionPreconditionFailedAndStaysEnabled() {
      Distribution read = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      givenAnotherWriterWinsTheNextUpdate(read.id());

      assertConflict(() -> distributions().disable(read.id(), read.etag()),
          ResourceConflictException.Reason.STALE_VERSION, "PreconditionFailed");
      assertThat(distributions().find(read.id()).orElseThrow().config().enabled()).isTrue();
    }

    @Test
    void disable_whenDistributionIsMissing_throwsNotFoundNoSuchDistribution() {
      assertThatThrownBy(() -> distributions().disable(UNKNOWN, "E2QWRUHAPOMQZL"))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NoSuchDistribution"));
    }

    @Test
    void delete_whenEnabled_throwsNotDisabledDistributionNotDisabledAndKeepsIt() {
      Distribution given = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);

      assertConflict(() -> distributions().delete(given.id(), given.etag()),
          ResourceConflictException.Reason.NOT_DISABLED, "DistributionNotDisabled");
      assertThat(distributions().find(given.id())).isPresent();
    }

    @Test
    void delete_whenTheDisablingIsStillInProgress_throwsNotDisabledAndKeepsIt() {
      Distribution given = givenDistribution(fullConfig("live-news", 0), Map.of(), DistributionStatus.DEPLOYED);
      Distribution disabled = distributions().disable(given.id(), given.etag());

      assertConflict(() -> distributions().delete(given.id(), disabled.etag()),
          ResourceConflictException.Reason.NOT_DISABLED, "DistributionNotDisabled");
      assertThat(distributions().find(given.id())).isPresent();
    }

    @Test
    void delete_afterDisablingAndAwaitingDeployed_deletesItAndKeepsItsCallerReferenceTaken() {
      DistributionConfig config = fullConfig("live-news", 0);
      Distribution given = givenDistribution(config, linkTags("live-news"), DistributionStatus.DEPLOYED);
      Distribution disabled = distributions().disable(given.id(), given.etag());
      givenDeployedWhileAwaited(given.id());
      Distribution deployed = distributions().awaitDeployed(given.id(), Duration.ofMinutes(30));
      assertThat(deployed.config().enabled()).isFalse();
      assertThat(deployed.etag()).isEqualTo(disabled.etag());

      distributions().delete(given.id(), deployed.etag());

      assertThat(distributions().find(given.id())).isEmpty();
      assertThat(distributions().list()).extracting(DistributionSummary::id).doesNotContain(given.id());
      assertThatThrownBy(() -> distributions().create(config, Map.of()))
          .isInstanceOfSatisfying(ResourceConflictException.class,
              e -> assertThat(e.reason()).isEqualTo(ResourceConflictException.Reason.ALREADY_EXISTS));
    }

    @Test
    void delete_whenEtagIsStale_throwsStaleVersionPreconditionFailedAndKeepsIt() {
      Distribution read = givenDisabledAndDeployed();
      givenChangedSince(read);
      givenDeployedWhileAwaited(read.id());
      Distribution current = distributions().awaitDeployed(read.id(), Duration.ofMinutes(30));
      assertThat(current.etag()).isNotEqualTo(read.etag());

      assertConflict(() -> distributions().delete(read.id(), read.etag()),
          ResourceConflictException.Reason.STALE_VERSION, "PreconditionFailed");
      assertThat(distributions().find(read.id())).isPresent();
    }

    @Test
    void delete_whenEtagIsBlank_throwsInvalidRequestInvalidIfMatchVersionAndKeepsIt() {
      assumeCapability(Capability.REFUSES_A_MISSING_ETAG);
      Distribution given = givenDisabledAndDeployed();

      assertThatThrownBy(() -> distributions().delete(given.id(), ""))
          .isInstanceOfSatisfying(InvalidRequestException.class,
              e -> assertThat(e.errorCode()).contains("InvalidIfMatchVersion"));
      assertThat(distributions().find(given.id())).isPresent();
    }

    @Test
    void delete_whenDistributionIsMissing_throwsNotFoundNoSuchDistribution() {
      assertThatThrownBy(() -> distributions().delete(UNKNOWN, "E2QWRUHAPOMQZL"))
          .isInstanceOfSatisfying(ResourceNotFoundException.class,
              e -> assertThat(e.errorCode()).contains("NoSuchDistribution"));
    }
  }
}
