/**
 * Abstract contract suites, one per port: {@link io.github.mediapackagecdn.testkit.contract.ChannelsContract},
 * {@link io.github.mediapackagecdn.testkit.contract.DistributionsContract} and
 * {@link io.github.mediapackagecdn.testkit.contract.DistributionLinksContract}. Every implementation of a port runs
 * the same scenarios with the same assertions: the in-memory fakes in this module, and the AWS adapters over WireMock.
 *
 * <p>A subclass names the port under test and implements the fixture hooks ({@code given...}), which arrange the world
 * a scenario starts from in the domain's words: the fakes are seeded, a WireMock-backed subclass answers what AWS would
 * answer for that world. Behaviour an implementation cannot honestly emulate is left out through
 * {@code capabilities()}.
 *
 * <pre>{@code
 * class InMemoryChannelsContractTest extends ChannelsContract {
 *   private final FakeAws aws = FakeAws.create();
 *
 *   @Override protected Channels channels() { return aws.channels(); }
 *   @Override protected Channel givenChannel(ChannelSpec spec) { return aws.channels().create(spec); }
 *   @Override protected OriginEndpoint givenEndpoint(EndpointSpec spec) { return aws.channels().createEndpoint(spec); }
 * }
 * }</pre>
 */
package io.github.mediapackagecdn.testkit.contract;
