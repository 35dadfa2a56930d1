package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.error.ValidationException;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.CdnAuthorization;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Origin;
import io.github.mediapackagecdn.core.model.OriginEndpoint;
import io.github.mediapackagecdn.core.model.OriginGroup;
import io.github.mediapackagecdn.core.model.ProtocolPolicy;
import io.github.mediapackagecdn.core.v2.model.CdnAuthConfiguration;
import io.github.mediapackagecdn.core.v2.model.ChannelGroup;
import io.github.mediapackagecdn.core.v2.model.EndpointPolicy;
import io.github.mediapackagecdn.core.v2.model.Manifest;
import io.github.mediapackagecdn.core.v2.model.ManifestType;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.model.V2Endpoint;
import io.github.mediapackagecdn.core.v2.model.V2EndpointId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A viewer request through the fake account, step by step as CloudFront and MediaPackage answer it; every step that
 * refuses gives its own status and reason. The steps, and the fake's rules where AWS documents none, are in
 * {@link FakeAws#viewerRequest(String, String)}.
 */
final class ViewerRequests {

  static final String V1_HEADER = "X-MediaPackage-CDNIdentifier";
  static final String V2_HEADER = "X-MediaPackageV2-CDNIdentifier";
  static final String CDN_AUTH_KEY = "mediapackagev2:RequestHasMatchingCdnAuthHeader";
  static final String CLOUDFRONT = "cloudfront.amazonaws.com";

  private final FakeAws aws;

  ViewerRequests(FakeAws aws) {
    this.aws = aws;
  }

  /** The answer to one request. */
  ViewerResponse request(String method, String url) {
    return request(method, url, false);
  }

  /** The answer to one request; {@code asDeployed}: as if the distribution were {@code Deployed} already. */
  private ViewerResponse request(String method, String url, boolean asDeployed) {
    String verb = method(method);
    URI uri = uri(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    ViewerResponse.Builder answer = new ViewerResponse.Builder(verb, url);
    return aws.locked(() -> cloudFront(answer, verb, uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost(), path,
        asDeployed));
  }

  /**
   * Every kind of request a player makes for the manifest at {@code url}, each answered: the manifest, then a child
   * playlist, a segment and an init segment where the endpoint's format has them (see {@link PlayerSamples}).
   */
  List<ViewerResponse> playerRequests(String url) {
    return playerRequests(url, false);
  }

  /**
   * {@link #playerRequests(String)} answered from the distribution's configuration as it is now, as if CloudFront
   * had deployed it already: what players will get once it is {@code Deployed}, unless it changes before.
   */
  List<ViewerResponse> playerRequestsOnceDeployed(String url) {
    return playerRequests(url, true);
  }

  private List<ViewerResponse> playerRequests(String url, boolean asDeployed) {
    URI uri = uri(url);
    List<ViewerResponse> responses = new ArrayList<>();
    for (String path : aws.locked(() -> new PlayerSamples(aws).paths(uri.getRawPath()))) {
      String sample = uri.getScheme() + "://" + uri.getRawAuthority() + path;
      responses.add(request("GET", sample, asDeployed));
    }
    return responses;
  }

  private ViewerResponse cloudFront(ViewerResponse.Builder answer, String method, String scheme, String host,
      String path, boolean asDeployed) {
    Optional<Distribution> found = aws.distributions().all().stream()
        .filter(d -> d.domainName().equalsIgnoreCase(host)).findFirst();
    if (found.isEmpty()) {
      return answer.answer(404, "no distribution of account " + aws.accountId() + " has the domain " + host
          + " (on AWS the name would not resolve; the fake serves only its distributions' *.cloudfront.net domains,"
          + " not aliases)");
    }
    Distribution distribution = found.get();
    DistributionConfig config = distribution.config();
    answer.distribution(distribution.id());
    if (!config.enabled()) {
      return answer.answer(403, "distribution " + distribution.id() + " is disabled: CloudFront accepts no viewer"
          + " request for its domain until it is enabled again");
    }
    if (!asDeployed && distribution.status() != DistributionStatus.DEPLOYED) {
      return answer.answer(503, "distribution " + distribution.id() + " is InProgress"
          + distribution.lastModified().map(t -> " until " + t.plus(aws.propagationTime())).orElse("")
          + ": CloudFront's edges may serve its previous configuration or its new one; the fake serves a"
          + " distribution only once it is Deployed (advance aws.clock())");
    }
    CacheBehavior behavior = config.cacheBehaviors().stream()
        .filter(b -> Wildcards.pathPatternMatches(b.pathPattern(), path)).findFirst()
        .orElse(config.defaultBehavior());
    String which = behavior == config.defaultBehavior() ? "the default cache behaviour"
        : "cache behaviour '" + behavior.pathPattern() + "'";
    answer.behavior(behavior.pathPattern());
    if (scheme.equals("http") && behavior.viewerProtocolPolicy() == ProtocolPolicy.REDIRECT_TO_HTTPS) {
      return answer.answer(301, which + " redirects HTTP to HTTPS");
    }
    if (scheme.equals("http") && behavior.viewerProtocolPolicy() == ProtocolPolicy.HTTPS_ONLY) {
      return answer.answer(403, which + " serves HTTPS only");
    }
    if (behavior.allowedMethods().stream().noneMatch(method::equalsIgnoreCase)) {
      return answer.answer(403, which + " allows " + behavior.allowedMethods() + ", not " + method);
    }
    String targetId = behavior.targetOriginId();
    String via = "";
    Optional<OriginGroup> group = config.originGroup(targetId);
    if (group.isPresent()) {
      targetId = group.get().primaryOriginId();
      via = " (the primary of origin group '" + group.get().id() + "')";
    }
    Optional<Origin> target = config.origin(targetId);
    if (target.isEmpty()) {
      return answer.answer(502, which + " sends " + path + " to '" + targetId + "', which is no origin of"
          + " distribution " + distribution.id());
    }
    Origin origin = target.get();
    String originPath = origin.originPath() + path;
    answer.origin(origin.id(), origin.domainName(), originPath);
    String reached = which + " sends " + path + " to origin '" + origin.id() + "'" + via;
    Optional<ChannelGroup> channelGroup = aws.channelGroups().allGroups().stream()
        .filter(g -> g.egressDomain().equalsIgnoreCase(origin.domainName())).findFirst();
    if (channelGroup.isPresent()) {
      return mediaPackageV2(answer, method, distribution, origin, channelGroup.get(), originPath, reached);
    }
    if (aws.channels().isEgressHost(origin.domainName())) {
      return mediaPackageV1(answer, origin, originPath, reached);
    }
    return answer.answer(502, reached + ", whose domain " + origin.domainName() + " is neither a MediaPackage v1"
        + " egress host nor a v2 channel group's egress domain of this account: the fake has nothing there (a"
        + " placeholder origin, a deleted channel, or another server such as a VOD bucket)");
  }

  private ViewerResponse mediaPackageV1(ViewerResponse.Builder answer, Origin origin, String path, String reached) {
    String[] parts = path.split("/", 5); // "", out, v1, <32 hex>, rest
    if (parts.length < 5 || !parts[1].equals("out") || !parts[2].equals("v1")) {
      return answer.answer(404, reached + "; MediaPackage v1 serves /out/v1/<endpoint>/... paths, not " + path);
    }
    OriginEndpoint endpoint = aws.channels().endpointsServedBy(origin.domainName()).get(parts[3]);
    if (endpoint == null) {
      return answer.answer(404, reached + "; no endpoint of the channel on " + origin.domainName() + " has the"
          + " path /out/v1/" + parts[3] + "/");
    }
    if (endpoint.authorization().isPresent()) {
      Optional<String> refused = v1CdnAuthorization(origin, endpoint.authorization().get(), endpoint);
      if (refused.isPresent()) {
        return answer.answer(403, reached + "; MediaPackage refuses it: " + refused.get());
      }
    }
    Optional<String> object = v1Object(endpoint, parts[4]);
    if (object.isEmpty()) {
      return answer.answer(404, reached + "; MediaPackage v1 endpoint " + endpoint.id() + " ("
          + endpoint.packaging() + ") has no " + parts[4] + " (" + v1Serves(endpoint) + ")");
    }
    return answer.answer(200, reached + ", which serves " + object.get() + " of MediaPackage v1 endpoint "
        + endpoint.id());
  }

  private Optional<String> v1CdnAuthorization(Origin origin, CdnAuthorization authorization,
      OriginEndpoint endpoint) {
    Optional<String> sent = header(origin, V1_HEADER);
    if (sent.isEmpty()) {
      return Optional.of("endpoint " + endpoint.id() + " uses CDN authorization and origin '" + origin.id()
          + "' sends no " + V1_HEADER + " header" + (header(origin, V2_HEADER).isPresent()
              ? " (it sends " + V2_HEADER + ", MediaPackage v2's header)" : ""));
    }
    String secret = authorization.cdnIdentifierSecretArn();
    Optional<String> problem = secretProblem(secret, InMemorySecrets.V1_CDN_IDENTIFIER_KEY, "putV1CdnIdentifier");
    if (problem.isPresent()) {
      return problem;
    }
    return sent.equals(aws.secrets().value(secret, InMemorySecrets.V1_CDN_IDENTIFIER_KEY)) ? Optional.empty()
        : Optional.of("the " + V1_HEADER + " value origin '" + origin.id() + "' sends is not the identifier"
            + " secret " + secret + " holds");
  }

  private ViewerResponse mediaPackageV2(ViewerResponse.Builder answer, String method, Distribution distribution,
      Origin origin, ChannelGroup group, String path, String reached) {
    String[] parts = path.split("/", 7); // "", out, v1, group, channel, endpoint, rest
    if (parts.length < 7 || !parts[1].equals("out") || !parts[2].equals("v1") || !parts[3].equals(group.name())) {
      return answer.answer(404, reached + "; channel group " + group.name() + "'s egress domain serves"
          + " /out/v1/" + group.name() + "/<channel>/<endpoint>/... paths, not " + path);
    }
    Optional<V2Endpoint> found;
    try {
      V2EndpointId id = V2EndpointId.of(parts[3], parts[4], parts[5]);
      found = aws.channelGroups().allEndpoints().stream().filter(e -> e.id().equals(id)).findFirst();
    } catch (ValidationException notAName) {
      found = Optional.empty();
    }
    if (found.isEmpty()) {
      return answer.answer(404, reached + "; MediaPackage v2 has no endpoint " + parts[3] + "/" + parts[4] + "/"
          + parts[5]);
    }
    V2Endpoint endpoint = found.get();
    Optional<String> signer = signer(origin);
    if (signer.isPresent() && !signer.get().isEmpty()) {
      return answer.answer(403, reached + "; MediaPackage v2 refuses it: " + signer.get());
    }
    boolean signed = signer.isPresent();
    Optional<EndpointPolicy> policy = aws.channelGroups().policy(endpoint.id());
    if (policy.isEmpty()) {
      return answer.answer(403, reached + "; MediaPackage v2 refuses it: endpoint " + endpoint.id() + " has no"
          + " policy, so no request is allowed (it needs a statement allowing " + CLOUDFRONT + " "
          + action(method) + " for aws:SourceArn " + distribution.arn() + ")");
    }
    String document = policy.get().document();
    Optional<CdnAuthConfiguration> cdnAuth = policy.get().cdnAuthorization();
    boolean headerMatches = cdnAuth.isPresent() && cdnAuth.get().secretArns().stream()
        .map(arn -> aws.secrets().value(arn, InMemorySecrets.V2_CDN_IDENTIFIER_KEY))
        .anyMatch(held -> held.isPresent() && held.equals(header(origin, V2_HEADER)));
    boolean gated = cdnAuth.isPresent() && PolicyEvaluation.namesConditionKey(document, CDN_AUTH_KEY);
    if (gated && !headerMatches) {
      return answer.answer(403, reached + "; MediaPackage v2 refuses it: endpoint " + endpoint.id() + " uses CDN"
          + " authorization (CdnAuthConfiguration and a statement on " + CDN_AUTH_KEY + ") and "
          + v2CdnAuthProblem(origin, cdnAuth));
    }
    Map<String, String> context = new LinkedHashMap<>();
    if (signed) {
      context.put("aws:SourceArn", distribution.arn());
      context.put("aws:SourceAccount", aws.accountId());
    }
    context.put("aws:SecureTransport", "true");
    context.put(CDN_AUTH_KEY, String.valueOf(headerMatches));
    PolicyEvaluation.Result result = PolicyEvaluation.evaluate(document, new PolicyEvaluation.Request(
        signed ? Optional.of(CLOUDFRONT) : Optional.empty(), action(method), endpoint.arn(), context));
    String who = signed ? CLOUDFRONT + " for aws:SourceArn " + distribution.arn() : "an anonymous (unsigned) caller";
    switch (result.decision()) {
      case EXPLICIT_DENY -> {
        return answer.answer(403, reached + "; statement " + result.statement() + " of endpoint " + endpoint.id()
            + "'s policy denies " + action(method) + " to " + who);
      }
      case UNREADABLE -> {
        return answer.answer(403, reached + "; the fake cannot evaluate endpoint " + endpoint.id() + "'s policy"
            + (result.statement().isEmpty() ? "" : " (statement " + result.statement() + ")") + ": "
            + result.detail() + "; it answers 403 rather than guess");
      }
      case IMPLICIT_DENY -> {
        String cdnHint = !headerMatches && PolicyEvaluation.namesConditionKey(document, CDN_AUTH_KEY)
            ? "; " + v2CdnAuthProblem(origin, cdnAuth) : "";
        return answer.answer(403, reached + "; no statement of endpoint " + endpoint.id() + "'s policy allows "
            + action(method) + " to " + who + (signed ? "" : " (origin '" + origin.id() + "' has no origin access"
                + " control that signs)") + cdnHint);
      }
      default -> {
        // allowed: on to the object
      }
    }
    Optional<String> object = v2Object(endpoint, parts[6]);
    if (object.isEmpty()) {
      return answer.answer(404, reached + "; MediaPackage v2 endpoint " + endpoint.id() + " ("
          + endpoint.containerType() + ") has no " + parts[6] + " (" + v2Serves(endpoint) + ")");
    }
    return answer.answer(200, reached + ", which serves " + object.get() + " of MediaPackage v2 endpoint "
        + endpoint.id() + " (allowed by statement " + result.statement() + ")");
  }

  /**
   * How CloudFront signs requests to the origin: empty when it does not (no origin access control, or one that never
   * signs), an empty string when it signs as MediaPackage v2 expects, else why MediaPackage refuses the signature.
   */
  private Optional<String> signer(Origin origin) {
    if (origin.originAccessControlId().isEmpty()) {
      return Optional.empty();
    }
    String id = origin.originAccessControlId().get();
    Optional<OriginAccessControl> oac = aws.cloudFrontPolicies().allOriginAccessControls().stream()
        .filter(o -> o.id().equals(id)).findFirst();
    if (oac.isEmpty()) {
      return Optional.of("origin '" + origin.id() + "' names origin access control " + id + ", which does not exist");
    }
    OriginAccessControlConfig config = oac.get().config();
    if (config.signingBehavior().equals("never")) {
      return Optional.empty();
    }
    if (!config.originType().equals(OriginAccessControlConfig.ORIGIN_TYPE_MEDIAPACKAGEV2)) {
      return Optional.of("origin access control " + id + " ('" + config.name() + "') is of origin type "
          + config.originType() + ", not " + OriginAccessControlConfig.ORIGIN_TYPE_MEDIAPACKAGEV2 + ", so CloudFront"
          + " signs for " + config.originType() + " and MediaPackage v2 does not accept the signature");
    }
    if (!config.signingProtocol().equals("sigv4")) {
      return Optional.of("origin access control " + id + " signs with " + config.signingProtocol() + ", not sigv4");
    }
    return Optional.of("");
  }

  private String v2CdnAuthProblem(Origin origin, Optional<CdnAuthConfiguration> cdnAuth) {
    if (cdnAuth.isEmpty()) {
      return "the policy has no CdnAuthConfiguration, so no " + V2_HEADER + " value can match";
    }
    if (header(origin, V2_HEADER).isEmpty()) {
      return "origin '" + origin.id() + "' sends no " + V2_HEADER + " header" + (header(origin, V1_HEADER).isPresent()
          ? " (it sends " + V1_HEADER + ", MediaPackage v1's header, which v2 does not read)" : "");
    }
    for (String secret : cdnAuth.get().secretArns()) {
      Optional<String> problem = secretProblem(secret, InMemorySecrets.V2_CDN_IDENTIFIER_KEY, "putV2CdnIdentifier");
      if (problem.isPresent()) {
        return problem.get();
      }
    }
    return "the " + V2_HEADER + " value origin '" + origin.id() + "' sends is none of the identifiers its secrets"
        + " hold";
  }

  private Optional<String> secretProblem(String secret, String key, String seed) {
    if (aws.secrets().secretString(secret).isEmpty()) {
      return Optional.of("MediaPackage cannot read secret " + secret + ": it is not in the account's Secrets Manager"
          + " (aws.secrets()." + seed + ")");
    }
    if (aws.secrets().value(secret, key).isEmpty()) {
      return Optional.of("secret " + secret + " holds no JSON key " + key);
    }
    return Optional.empty();
  }

  /** What a v1 endpoint serves at {@code rest} (the path after {@code /out/v1/<id>/}), if anything. */
  private static Optional<String> v1Object(OriginEndpoint endpoint, String rest) {
    String name = endpoint.manifestName();
    switch (endpoint.packaging()) {
      case HLS -> {
        return playlistOrSegment(rest, name, ".m3u8", ".ts");
      }
      case DASH -> {
        if (rest.equals(name + ".mpd")) {
          return Optional.of("the DASH manifest " + rest);
        }
        return rest.contains("/") ? Optional.empty() : segment(rest, ".mp4");
      }
      case CMAF -> {
        int slash = rest.indexOf('/');
        String manifestId = slash < 0 ? "" : rest.substring(0, slash);
        if (!endpoint.hlsManifests().containsKey(manifestId)) {
          return Optional.empty();
        }
        return playlistOrSegment(rest.substring(slash + 1), endpoint.hlsManifests().get(manifestId), ".m3u8", ".mp4")
            .map(what -> what + " of HLS manifest " + manifestId);
      }
      case MSS -> {
        return smooth(rest, name);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static String v1Serves(OriginEndpoint endpoint) {
    String name = endpoint.manifestName();
    return switch (endpoint.packaging()) {
      case HLS -> "it serves " + name + ".m3u8, child playlists " + name + "_*.m3u8 and *.ts segments";
      case DASH -> "it serves " + name + ".mpd and *.mp4 segments";
      case CMAF -> "it serves, under each HLS manifest id " + endpoint.hlsManifests().keySet() + ", " + name
          + ".m3u8, child playlists " + name + "_*.m3u8 and *.mp4 segments";
      case MSS -> "it serves " + name + ".ism/Manifest and " + name + ".ism/QualityLevels(...)/Fragments(...)";
    };
  }

  /** What a v2 endpoint serves at {@code rest} (the path after {@code /out/v1/<g>/<c>/<e>/}), if anything. */
  private static Optional<String> v2Object(V2Endpoint endpoint, String rest) {
    for (Manifest manifest : endpoint.manifests()) {
      if (manifest.fileName().equals(rest)) {
        return Optional.of("the " + manifest.type() + " manifest " + rest);
      }
      if (manifest.type() == ManifestType.MSS && fragment(rest, manifest.name())) {
        return Optional.of("the fragment " + rest);
      }
    }
    if (rest.contains("/")) {
      return Optional.empty();
    }
    if (rest.endsWith(".m3u8")) {
      return endpoint.manifests().stream()
          .filter(m -> m.type() == ManifestType.HLS || m.type() == ManifestType.LOW_LATENCY_HLS)
          .filter(m -> rest.startsWith(m.name() + "_"))
          .findFirst().map(m -> "a child playlist of " + m.type() + " manifest " + m.name());
    }
    return switch (endpoint.containerType()) {
      case TS -> segment(rest, ".ts");
      case CMAF -> segment(rest, ".mp4");
      case ISM -> Optional.empty();
    };
  }

  private static String v2Serves(V2Endpoint endpoint) {
    List<String> files = endpoint.manifests().stream().map(Manifest::fileName).toList();
    return "it serves " + files + ", child playlists <HLS manifest>_*.m3u8" + switch (endpoint.containerType()) {
      case TS -> " and *.ts segments";
      case CMAF -> " and *.mp4 segments";
      case ISM -> " and <name>.ism/QualityLevels(...)/Fragments(...)";
    };
  }

  private static Optional<String> playlistOrSegment(String file, String name, String playlist, String segment) {
    if (file.contains("/")) {
      return Optional.empty();
    }
    if (file.equals(name + playlist)) {
      return Optional.of("the manifest " + file);
    }
    if (file.endsWith(playlist)) {
      return file.startsWith(name + "_") ? Optional.of("the child playlist " + file) : Optional.empty();
    }
    return segment(file, segment);
  }

  private static Optional<String> segment(String file, String extension) {
    if (!file.endsWith(extension) || file.length() == extension.length()) {
      return Optional.empty();
    }
    return Optional.of((file.contains("init") ? "the init segment " : "the segment ") + file);
  }

  private static Optional<String> smooth(String rest, String name) {
    if (rest.equals(name + ".ism/Manifest")) {
      return Optional.of("the smooth streaming manifest " + rest);
    }
    return fragment(rest, name) ? Optional.of("the fragment " + rest) : Optional.empty();
  }

  private static boolean fragment(String rest, String name) {
    return rest.startsWith(name + ".ism/QualityLevels(") && rest.contains("/Fragments(");
  }

  private static Optional<String> header(Origin origin, String name) {
    return origin.customHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue).findFirst();
  }

  private static String action(String method) {
    return method.equals("HEAD") ? "mediapackagev2:GetHeadObject" : "mediapackagev2:GetObject";
  }

  private static String method(String method) {
    String verb = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (!verb.equals("GET") && !verb.equals("HEAD")) {
      throw new IllegalArgumentException("the fake answers GET and HEAD viewer requests, not " + method);
    }
    return verb;
  }

  static URI uri(String url) {
    if (url == null) {
      throw new IllegalArgumentException("a viewer request needs a URL");
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
        throw new IllegalArgumentException("a viewer request needs an http or https URL with a host, not " + url);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + url, e);
    }
  }
}
