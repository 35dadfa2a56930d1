/**
 * In-memory fakes of MediaPackage, CloudFront and the tagging API that behave like AWS where it matters (ids, ARNs,
 * URLs, ETags and 412s, CallerReference rules, {@code InProgress} to {@code Deployed} on a controllable clock,
 * MediaPackage's rules), with call recording and fault injection, and a viewer request that answers a CDN URL as
 * CloudFront and MediaPackage would ({@link io.github.mediapackagecdn.testkit.FakeAws#viewerRequest(String)}). Start
 * with {@link io.github.mediapackagecdn.testkit.FakeAws#create()}.
 */
package io.github.mediapackagecdn.testkit;
