package io.github.mediapackagecdn.testkit;

import io.github.mediapackagecdn.core.provisioning.ChannelCdn;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives each test a fresh {@link FakeAws} and what hangs off it, by parameter type:
 * {@link FakeAws}, {@link ChannelCdn}, {@link FakeClock}, {@link InMemoryChannels}, {@link InMemoryDistributions},
 * {@link InMemoryDistributionLinks}. All parameters of one test share one fake account.
 *
 * <p>{@snippet :
 * @ExtendWith(FakeAwsExtension.class)
 * class EventServiceTest {
 *   @Test
 *   void prepare(ChannelCdn cdn, FakeAws aws) { ... }
 * }
 * }
 */
public final class FakeAwsExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeAwsExtension.class);
  private static final Set<Class<?>> RESOLVED = Set.of(FakeAws.class, ChannelCdn.class, FakeClock.class,
      InMemoryChannels.class, InMemoryDistributions.class, InMemoryDistributionLinks.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeAws aws = context.getStore(NAMESPACE).computeIfAbsent("aws", key -> FakeAws.create(), FakeAws.class);
    Class<?> type = parameter.getParameter().getType();
    if (type == ChannelCdn.class) {
      return context.getStore(NAMESPACE).computeIfAbsent("cdn", key -> aws.channelCdn(), ChannelCdn.class);
    }
    if (type == FakeClock.class) {
      return aws.clock();
    }
    if (type == InMemoryChannels.class) {
      return aws.channels();
    }
    if (type == InMemoryDistributions.class) {
      return aws.distributions();
    }
    if (type == InMemoryDistributionLinks.class) {
      return aws.links();
    }
    return aws;
  }
}
