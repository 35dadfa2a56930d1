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
    assertThat(details.deployed()).isTrue();
    assertThat(details.endpoints()).hasSize(4).allSatisfy(e -> assertThat(e.cdnUrls()).isNotEmpty());
    assertThat(out).contains("created distribution", "Status           InProgress", "Status           Deployed")
        .contains(details.distribution().orElseThrow().id().value());
    for (var endpoint : details.endpoints()) {
      assertThat(out).contains(endpoint.cdnUrls().get(0));
    }
  }

  @Test
  void main_runsOnTheEmbeddedDefault() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("embedded default", "Deployed: you can start");
  }
}
