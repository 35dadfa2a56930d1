package io.github.mediapackagecdn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.provisioning.ChannelDetails;
import io.github.mediapackagecdn.testkit.FakeAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void run_onTheFakes_endsDeployedWithACdnUrlPerEndpoint() {
    FakeAws aws = FakeAws.create();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ChannelDetails details = new QuickStart(aws.channelCdn(), new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .run("live-news", Duration.ofMinutes(30));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(details.readyForPlayers()).isTrue();
    assertThat(details.endpoints()).hasSize(4).allSatisfy(e -> assertThat(e.cdnUrls()).isNotEmpty());
    assertThat(out).contains("created distribution", "Status           InProgress", "Status           Deployed")
        .contains(details.distribution().orElseThrow().id().value())
        .contains("   read 1: distribution InProgress after PT0S", ", ready for players");
    for (var endpoint : details.endpoints()) {
      assertThat(out).contains(endpoint.cdnUrls().get(0));
    }
  }

  /** What {@code main} printed on standard output. */
  static String printedBy(Runnable main) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void main_runsOnTheEmbeddedDefault() {
    assertThat(printedBy(() -> QuickStart.main(new String[0])))
        .contains("embedded default", "every endpoint served: you can start");
  }

  @Test
  void options_parseTheTargets() {
    assertThat(QuickStart.Options.parse(new String[0]).target()).isEqualTo(QuickStart.Options.Target.EMBEDDED);
    assertThat(QuickStart.Options.parse(new String[] {"--aws"}).target()).isEqualTo(QuickStart.Options.Target.AWS);
    QuickStart.Options emulator = QuickStart.Options.parse(
        new String[] {"--endpoint-url", "http://localhost:4566", "--channel", "demo", "--cloudfront-tags"});
    assertThat(emulator.target()).isEqualTo(QuickStart.Options.Target.AWS);
    assertThat(emulator.endpointUrl()).contains(java.net.URI.create("http://localhost:4566"));
    assertThat(emulator.channelId()).isEqualTo("demo");
    assertThat(emulator.cloudFrontTags()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuickStart.Options.parse(new String[] {"--endpoint-url"}))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuickStart.Options.parse(new String[] {"--bogus"}))
        .hasMessageContaining("--bogus");
  }
}
