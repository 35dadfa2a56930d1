package io.github.mediapackagecdn.aws;

import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyList;
import software.amazon.awssdk.services.cloudfront.model.CachePolicySummary;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyType;
import software.amazon.awssdk.services.cloudfront.model.CreateCachePolicyResponse;
import software.amazon.awssdk.services.cloudfront.model.CreateOriginAccessControlResponse;
import software.amazon.awssdk.services.cloudfront.model.ListCachePoliciesResponse;
import software.amazon.awssdk.services.cloudfront.model.OriginAccessControlSummary;

/**
 * {@link CloudFrontPolicies} on CloudFront (rest-xml, us-east-1): origin access controls found with
 * ListOriginAccessControls (the SDK's paginator, every page) and created with CreateOriginAccessControl; custom cache
 * policies found with ListCachePolicies {@code Type=custom} (paged by {@code Marker}, the SDK has no paginator for it)
 * and created with CreateCachePolicy. A cache policy is written and read with every member of its cache key: query
 * strings, headers and cookies with their behaviours, gzip and brotli.
 */
final class CloudFrontOriginAccessAndCachePolicies implements CloudFrontPolicies {

  private static final Logger log = LoggerFactory.getLogger(CloudFrontOriginAccessAndCachePolicies.class);

  /** The page size asked of both listings ({@code MaxItems}). */
  static final String MAX_ITEMS = "100";

  private final CloudFrontClient client;

  CloudFrontOriginAccessAndCachePolicies(CloudFrontClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public Optional<OriginAccessControl> findOriginAccessControl(String name) {
    return AwsErrors.call(AwsCall.LIST_ORIGIN_ACCESS_CONTROLS, name, () -> {
      for (OriginAccessControlSummary s : client.listOriginAccessControlsPaginator(b -> b.maxItems(MAX_ITEMS))
          .items()) {
        if (name.equals(s.name())) {
          return Optional.of(AwsErrors.parse(AwsCall.LIST_ORIGIN_ACCESS_CONTROLS, name, null,
              () -> new OriginAccessControl(s.id(), new OriginAccessControlConfig(s.name(),
                  Objects.requireNonNullElse(s.description(), ""), s.originAccessControlOriginTypeAsString(),
                  s.signingBehaviorAsString(), s.signingProtocolAsString()))));
        }
      }
      return Optional.empty();
    });
  }

  @Override
  public OriginAccessControl createOriginAccessControl(OriginAccessControlConfig config) {
    CreateOriginAccessControlResponse r = AwsErrors.call(AwsCall.CREATE_ORIGIN_ACCESS_CONTROL, config.name(),
        () -> client.createOriginAccessControl(b -> b.originAccessControlConfig(c -> c
            .name(config.name())
            .description(config.description())
            .originAccessControlOriginType(config.originType())
            .signingBehavior(config.signingBehavior())
            .signingProtocol(config.signingProtocol()))));
    log.debug("created origin access control {}", config.name());
    return AwsErrors.parse(AwsCall.CREATE_ORIGIN_ACCESS_CONTROL, config.name(), r, () -> {
      var oac = Objects.requireNonNull(r.originAccessControl(), "OriginAccessControl");
      var c = Objects.requireNonNull(oac.originAccessControlConfig(), "OriginAccessControlConfig");
      return new OriginAccessControl(oac.id(), new OriginAccessControlConfig(c.name(),
          Objects.requireNonNullElse(c.description(), ""), c.originAccessControlOriginTypeAsString(),
          c.signingBehaviorAsString(), c.signingProtocolAsString()));
    });
  }

  @Override
  public Optional<CachePolicy> findCachePolicy(String name) {
    return list(name, name::equals).stream().findFirst();
  }

  @Override
  public List<CachePolicy> cachePolicies() {
    return list("custom cache policies", name -> true);
  }

  /** The custom cache policies whose names {@code wanted} accepts, every page read ({@code subject} for errors). */
  private List<CachePolicy> list(String subject, Predicate<String> wanted) {
    List<CachePolicy> found = new ArrayList<>();
    String marker = null;
    do {
      String from = marker;
      ListCachePoliciesResponse r = AwsErrors.call(AwsCall.LIST_CACHE_POLICIES, subject, () -> client.listCachePolicies(
          b -> b.type(CachePolicyType.CUSTOM).maxItems(MAX_ITEMS).marker(from)));
      CachePolicyList page = AwsErrors.parse(AwsCall.LIST_CACHE_POLICIES, subject, r,
          () -> Objects.requireNonNull(r.cachePolicyList(), "CachePolicyList"));
      for (CachePolicySummary summary : page.items()) {
        if (summary.cachePolicy() != null && summary.cachePolicy().cachePolicyConfig() != null
            && wanted.test(summary.cachePolicy().cachePolicyConfig().name())) {
          found.add(AwsErrors.parse(AwsCall.LIST_CACHE_POLICIES, subject, r, () -> read(summary.cachePolicy())));
        }
      }
      marker = page.nextMarker() == null || page.nextMarker().isEmpty() ? null : page.nextMarker();
    } while (marker != null);
    return found;
  }

  @Override
  public CachePolicy createCachePolicy(CachePolicyConfig config) {
    CreateCachePolicyResponse r = AwsErrors.call(AwsCall.CREATE_CACHE_POLICY, config.name(),
        () -> client.createCachePolicy(b -> b.cachePolicyConfig(c -> c
            .name(config.name())
            .comment(config.comment())
            .minTTL(config.minTtl())
            .defaultTTL(config.defaultTtl())
            .maxTTL(config.maxTtl())
            .parametersInCacheKeyAndForwardedToOrigin(p -> p
                .enableAcceptEncodingGzip(config.gzip())
                .enableAcceptEncodingBrotli(config.brotli())
                .headersConfig(h -> {
                  h.headerBehavior(config.headerBehavior());
                  if (!config.headers().isEmpty()) {
                    h.headers(n -> n.quantity(config.headers().size()).items(config.headers()));
                  }
                })
                .cookiesConfig(k -> {
                  k.cookieBehavior(config.cookieBehavior());
                  if (!config.cookies().isEmpty()) {
                    k.cookies(n -> n.quantity(config.cookies().size()).items(config.cookies()));
                  }
                })
                .queryStringsConfig(q -> {
                  q.queryStringBehavior(config.queryStringBehavior());
                  if (!config.queryStrings().isEmpty()) {
                    q.queryStrings(n -> n.quantity(config.queryStrings().size()).items(config.queryStrings()));
                  }
                })))));
    log.debug("created cache policy {}", config.name());
    return AwsErrors.parse(AwsCall.CREATE_CACHE_POLICY, config.name(), r,
        () -> read(Objects.requireNonNull(r.cachePolicy(), "CachePolicy")));
  }

  private static CachePolicy read(software.amazon.awssdk.services.cloudfront.model.CachePolicy policy) {
    var c = Objects.requireNonNull(policy.cachePolicyConfig(), "CachePolicyConfig");
    var key = Objects.requireNonNull(c.parametersInCacheKeyAndForwardedToOrigin(),
        "ParametersInCacheKeyAndForwardedToOrigin");
    var queryStrings = Objects.requireNonNull(key.queryStringsConfig(), "QueryStringsConfig");
    var headers = Objects.requireNonNull(key.headersConfig(), "HeadersConfig");
    var cookies = Objects.requireNonNull(key.cookiesConfig(), "CookiesConfig");
    return new CachePolicy(policy.id(), new CachePolicyConfig(c.name(), Objects.requireNonNullElse(c.comment(), ""),
        Objects.requireNonNull(c.minTTL(), "MinTTL"), Objects.requireNonNullElse(c.defaultTTL(), c.minTTL()),
        Objects.requireNonNullElse(c.maxTTL(), Objects.requireNonNullElse(c.defaultTTL(), c.minTTL())),
        names(queryStrings.queryStrings() == null ? null : queryStrings.queryStrings().items()),
        queryStrings.queryStringBehaviorAsString(), headers.headerBehaviorAsString(),
        names(headers.headers() == null ? null : headers.headers().items()), cookies.cookieBehaviorAsString(),
        names(cookies.cookies() == null ? null : cookies.cookies().items()),
        Objects.requireNonNull(key.enableAcceptEncodingGzip(), "EnableAcceptEncodingGzip"),
        Objects.requireNonNullElse(key.enableAcceptEncodingBrotli(), false)));
  }

  private static List<String> names(List<String> items) {
    return items == null ? List.of() : items;
  }
}
