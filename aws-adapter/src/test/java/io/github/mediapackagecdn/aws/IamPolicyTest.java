package io.github.mediapackagecdn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.aws.fixtures.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class IamPolicyTest {

  private static String shippedPolicy() {
    return Wire.resource("iam-policy.json");
  }

  /** The IAM actions the shipped policy grants. */
  static Set<String> grantedActions() {
    Set<String> listed = new TreeSet<>();
    Matcher m = Pattern.compile("\"([a-z0-9]+:[A-Za-z]+)\"").matcher(shippedPolicy());
    while (m.find()) {
      listed.add(m.group(1));
    }
    return listed;
  }

  @Test
  void iamPolicy_whenRead_listsExactlyTheActionsOfEveryCall() throws IOException {
    Set<String> called = new TreeSet<>();
    Arrays.stream(AwsCall.values()).forEach(c -> called.addAll(c.iamActions()));

    assertThat(grantedActions()).isEqualTo(called);
    assertThat(shippedPolicy()).contains("\"Version\": \"2012-10-17\"").doesNotContain("iam:PassRole");
  }

  /** The README's copy under "IAM permissions" is the shipped policy, so that users paste what the adapter needs. */
  @Test
  void readmeCopy_whenCompared_equalsTheShippedPolicy() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("## IAM permissions");
    assertThat(section).as("the README's IAM section").isNotNegative();
    int start = readme.indexOf("```json\n", section) + "```json\n".length();
    String copy = readme.substring(start, readme.indexOf("\n```", start));

    assertThat(copy.strip()).isEqualTo(shippedPolicy().strip());
  }
}
