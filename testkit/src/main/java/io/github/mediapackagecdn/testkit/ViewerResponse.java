package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.model.DistributionId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a player gets for one request to a CDN URL of the fake account ({@link FakeAws#viewerRequest}): the status
 * CloudFront plus MediaPackage would answer, why, and how far the request got (the distribution, the cache behaviour
 * that matched, the origin and the path CloudFront asked it for). Immutable; never holds a header value or a secret.
 */
public final class ViewerResponse {

  private final String method;
  private final String url;
  private final int status;
  private final String reason;
  private final DistributionId distributionId;
  private final String pathPattern;
  private final String originId;
  private final String originDomain;
  private final String originPath;

  private ViewerResponse(Builder builder, int status, String reason) {
    this.method = builder.method;
    this.url = builder.url;
    this.status = status;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.distributionId = builder.distributionId;
    this.pathPattern = builder.pathPattern;
    this.originId = builder.originId;
    this.originDomain = builder.originDomain;
    this.originPath = builder.originPath;
  }

  /** The request's method: {@code GET} or {@code HEAD}. */
  public String method() {
    return method;
  }

  /** The URL the player asked for. */
  public String url() {
    return url;
  }

  /** The HTTP status the player gets: 200, or the status of the first step that refused the request. */
  public int status() {
    return status;
  }

  /** Whether the player gets the object: status 200. */
  public boolean ok() {
    return status == 200;
  }

  /** Why: what was served, or which step refused the request and what to change. */
  public String reason() {
    return reason;
  }

  /** The distribution whose domain the URL names, if one of the account's does. */
  public Optional<DistributionId> distributionId() {
    return Optional.ofNullable(distributionId);
  }

  /** The path pattern of the cache behaviour that matched ({@code *} for the default), once CloudFront routed it. */
  public Optional<String> pathPattern() {
    return Optional.ofNullable(pathPattern);
  }

  /** The id of the origin CloudFront sent the request to (an origin group's primary member), once routed. */
  public Optional<String> originId() {
    return Optional.ofNullable(originId);
  }

  /** The domain of that origin, such as a MediaPackage egress host. */
  public Optional<String> originDomain() {
    return Optional.ofNullable(originDomain);
  }

  /** The path CloudFront asked the origin for: the origin's {@code OriginPath}, then the request path. */
  public Optional<String> originPath() {
    return Optional.ofNullable(originPath);
  }

  /** {@code GET <url> -> <status>: <reason>}. */
  @Override
  public String toString() {
    return method + " " + url + " -> " + status + ": " + reason;
  }

  /** Collects what the request reached, step by step, until it is answered. */
  static final class Builder {
    private final String method;
    private final String url;
    private DistributionId distributionId;
    private String pathPattern;
    private String originId;
    private String originDomain;
    private String originPath;

    Builder(String method, String url) {
      this.method = method;
      this.url = url;
    }

    Builder distribution(DistributionId id) {
      this.distributionId = id;
      return this;
    }

    Builder behavior(String pattern) {
      this.pathPattern = pattern;
      return this;
    }

    Builder origin(String id, String domain, String path) {
      this.originId = id;
      this.originDomain = domain;
      this.originPath = path;
      return this;
    }

    ViewerResponse answer(int status, String reason) {
      return new ViewerResponse(this, status, reason);
    }
  }
}
