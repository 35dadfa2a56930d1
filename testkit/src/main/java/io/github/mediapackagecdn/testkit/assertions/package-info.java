/**
 * AssertJ assertions for what a test of a backend on the testkit checks: a channel's details (MediaPackage v2 or v1),
 * a distribution's layout, the calls the fakes received, and what players get for a CDN URL. Start with
 * {@link io.github.mediapackagecdn.testkit.assertions.CdnAssertions}. AssertJ is not brought in by the testkit: the
 * test's own AssertJ (3.x) runs them.
 */
package io.github.mediapackagecdn.testkit.assertions;
