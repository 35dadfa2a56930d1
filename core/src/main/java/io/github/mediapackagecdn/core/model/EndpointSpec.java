package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.InvalidRequestException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a user saves as an origin endpoint of a live channel. Building one checks every field and reports every
 * problem at once.
 *
 * <pre>{@code
 * EndpointSpec hls = EndpointSpec.builder()
 *     .id("live-news-hls")
 *     .channelId("live-news")
 *     .packaging(Packaging.HLS)
 *     .startoverWindowSeconds(3600)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class EndpointSpec {

  /** The endpoint id as typed; see {@link #endpointId()}. */
  public abstract String id();

  /** The channel the endpoint belongs to; the builder also takes it as typed, {@code channelId("live-news")}. */
  public abstract ChannelId channelId();

  /** The stream format: HLS, DASH, CMAF or MSS. */
  public abstract Packaging packaging();

  /** The file name of the endpoint's manifest, {@code index} unless set. */
  @Value.Default
  public String manifestName() {
    return "index";
  }

  /** The endpoint's description, if any. */
  public abstract Optional<String> description();

  /** How far back viewers may start over, in seconds, if set. */
  public abstract Optional<Integer> startoverWindowSeconds();

  /** How far behind live the endpoint plays, in seconds, if set. */
  public abstract Optional<Integer> timeDelaySeconds();

  /** IPv4 CIDR blocks allowed to request the endpoint; empty means any. */
  public abstract List<String> whitelist();

  /** CDN authorization: MediaPackage answers only requests carrying the CDN identifier header. */
  public abstract Optional<CdnAuthorization> authorization();

  /**
   * The identifier stored in {@link #authorization()}'s secret (under the JSON key {@code MediaPackageCDNIdentifier}),
   * for the distribution's origin header; MediaPackage v1 allows 8 to 128 characters.
   */
  public abstract Optional<CdnIdentifier> cdnIdentifier();

  /** CMAF only: the ids of its HLS manifests; one manifest named after the endpoint when empty. */
  public abstract List<String> hlsManifestIds();

  /** The checked endpoint id. */
  @Value.Lazy
  public OriginEndpointId endpointId() {
    return OriginEndpointId.of(id());
  }

  /** The HLS manifest ids a CMAF endpoint gets; empty for other formats. */
  public List<String> cmafManifestIds() {
    if (packaging() != Packaging.CMAF) {
      return List.of();
    }
    return hlsManifestIds().isEmpty() ? List.of(id()) : hlsManifestIds();
  }

  /**
   * The refusal of saving this spec over an existing endpoint of channel {@code current}, if that is another channel
   * than the spec's: an endpoint cannot move to another channel (MediaPackage's UpdateOriginEndpoint has no
   * {@code ChannelId}). Empty when the endpoint stays on its channel.
   */
  public Optional<String> moveProblem(ChannelId current) {
    return current.equals(channelId())
        ? Optional.empty()
        : Optional.of("endpoint " + id() + " belongs to channel " + current + "; an endpoint cannot move to channel "
            + channelId());
  }

  /**
   * Throws an {@link InvalidRequestException} with {@link #moveProblem}'s text when the existing endpoint belongs to
   * channel {@code current}, not to the spec's.
   */
  public void refuseMoveFrom(ChannelId current) {
    moveProblem(current).ifPresent(problem -> {
      throw new InvalidRequestException(problem);
    });
  }

  /** A builder of an endpoint spec; {@code build()} checks every field. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks every field and throws one {@code ValidationException} listing all problems. */
  @Value.Check
  protected void check() {
    Problems problems = new Problems();
    Ids.check(problems, "endpoint id", id());
    Ids.check(problems, "manifest name", manifestName());
    description().ifPresent(d -> Limits.description(problems, "endpoint", d));
    Limits.endpointWindows(problems, startoverWindowSeconds().orElse(null), timeDelaySeconds().orElse(null), whitelist());
    problems.check(cdnIdentifier().isEmpty() || authorization().isPresent(),
        "a CDN identifier is given but the endpoint has no CDN authorization");
    problems.check(cdnIdentifier().map(CdnIdentifier::fitsMediaPackageV1).orElse(true),
        "the CDN identifier has more than " + CdnIdentifier.MAX_V1_LENGTH + " characters; MediaPackage v1 allows 8 to "
            + CdnIdentifier.MAX_V1_LENGTH);
    if (packaging() == Packaging.CMAF) {
      hlsManifestIds().forEach(m -> Ids.check(problems, "HLS manifest id", m));
      problems.check(new HashSet<>(hlsManifestIds()).size() == hlsManifestIds().size(),
          "HLS manifest ids of endpoint " + id() + " repeat");
    } else {
      problems.check(hlsManifestIds().isEmpty(), "only CMAF endpoints have HLS manifest ids");
    }
    problems.throwIfAny();
  }

  /**
   * Builds an {@link EndpointSpec}. A channel id given as text that MediaPackage would refuse is reported by
   * {@link #build()} together with every other problem.
   */
  public static class Builder extends ImmutableEndpointSpec.Builder {

    /** Stands in for a refused channel id while the other fields are checked; never in a built spec. */
    private static final ChannelId REFUSED = new ChannelId("refused");

    private List<String> channelIdProblems = List.of();

    /** The channel the endpoint belongs to, as typed: letters, digits, '_' and '-', 1 to 256 characters. */
    public final Builder channelId(String channelId) {
      Problems problems = new Problems();
      Ids.check(problems, "channel id", channelId);
      channelIdProblems = problems.list();
      return channelId(problems.isEmpty() ? ChannelId.of(channelId) : REFUSED);
    }

    /** Checks every field and reports every problem at once. */
    @Override
    public EndpointSpec build() {
      if (channelIdProblems.isEmpty()) {
        return super.build();
      }
      Problems problems = new Problems();
      EndpointSpec[] built = new EndpointSpec[1];
      problems.collect(() -> built[0] = super.build());
      if (built[0] != null && built[0].channelId() != REFUSED) {
        return built[0]; // a channel id given as a ChannelId replaced the refused text
      }
      channelIdProblems.forEach(problems::add);
      problems.throwIfAny();
      throw new IllegalStateException("unreachable: a refused channel id is a problem");
    }
  }
}
