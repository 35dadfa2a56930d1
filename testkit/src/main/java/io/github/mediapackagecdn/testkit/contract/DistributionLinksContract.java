package io.github.mediapackagecdn.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.cdn.CdnSettings;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.port.DistributionLinks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DistributionLinks}: a distribution is linked to a channel by the tag
 * {@value CdnSettings#LINK_TAG_KEY} whose value is exactly the channel ARN, and only while it has that tag.
 *
 * <p>Subclasses give the port under test and arrange the world with {@link #givenDistributionTagged} and
 * {@link #givenTagRemoved}; the world starts without any distribution for every test.
 */
public abstract class DistributionLinksContract {

  /** The link tag's key. */
  protected static final String KEY = CdnSettings.LINK_TAG_KEY;
  /** The ARN of the first channel the scenarios link. */
  protected static final String ARN_A =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/28d17c4b3fbf570db3c4495f35f56a14";
  /** The ARN of a second channel. */
  protected static final String ARN_B =
      "arn:aws:mediapackage:us-west-2:123456789012:channels/d7e447ed3ca54f8aaa12b592dcb1c41e";
  /** An id no distribution has. */
  protected static final DistributionId UNKNOWN = DistributionId.of("E0NOSUCHDISTRI");

  /** The port under test. */
  protected abstract DistributionLinks links();

  /** The world has a distribution with exactly {@code tags}; answers its id. */
  protected abstract DistributionId givenDistributionTagged(Map<String, String> tags);

  /** Someone removed the tag {@code key} from the distribution {@code id}: it was tagged once, and is no more. */
  protected abstract void givenTagRemoved(DistributionId id, String key);

  @Nested
  class Find {

    @Test
    void find_whenOneDistributionHasTheTag_returnsOnlyIt() {
      DistributionId linked = givenDistributionTagged(Map.of(KEY, ARN_A, "team", "news"));
      givenDistributionTagged(Map.of(KEY, ARN_B));
      givenDistributionTagged(Map.of("team", ARN_A));
      givenDistributionTagged(Map.of());

      assertThat(links().find(KEY, ARN_A)).containsExactly(linked);
    }

    @Test
    void find_whenTheTagWasRemoved_doesNotReturnTheDistribution() {
      DistributionId untagged = givenDistributionTagged(Map.of(KEY, ARN_A, "team", "news"));
      givenTagRemoved(untagged, KEY);
      DistributionId linked = givenDistributionTagged(Map.of(KEY, ARN_A));

      assertThat(links().find(KEY, ARN_A)).containsExactly(linked);
    }

    @Test
    void find_whenTheValueOnlyStartsWithTheArn_doesNotReturnTheDistribution() {
      givenDistributionTagged(Map.of(KEY, ARN_A + "-old"));

      assertThat(links().find(KEY, ARN_A)).isEmpty();
    }

    @Test
    void find_whenTwoDistributionsHaveTheTag_returnsBoth() {
      DistributionId first = givenDistributionTagged(Map.of(KEY, ARN_A));
      givenDistributionTagged(Map.of(KEY, ARN_B));
      DistributionId second = givenDistributionTagged(Map.of(KEY, ARN_A));

      assertThat(links().find(KEY, ARN_A)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void find_whenNoDistributionHasTheTag_returnsEmpty() {
      givenDistributionTagged(Map.of(KEY, ARN_B));

      assertThat(links().find(KEY, ARN_A)).isEmpty();
    }

    @Test
    void find_whenAnotherTagKeyIsAsked_usesThatKey() {
      DistributionId custom = givenDistributionTagged(Map.of("acme:channel", ARN_A));
      givenDistributionTagged(Map.of(KEY, ARN_A));

      assertThat(links().find("acme:channel", ARN_A)).containsExactly(custom);
    }
  }

  @Nested
  class All {

    @Test
    void all_whenSeveralChannels_groupsTheDistributionsByChannelArn() {
      DistributionId a1 = givenDistributionTagged(Map.of(KEY, ARN_A));
      DistributionId b = givenDistributionTagged(Map.of(KEY, ARN_B, "team", "sports"));
      DistributionId a2 = givenDistributionTagged(Map.of(KEY, ARN_A));
      givenDistributionTagged(Map.of("team", "news"));
      DistributionId untagged = givenDistributionTagged(Map.of(KEY, ARN_B));
      givenTagRemoved(untagged, KEY);

      Map<String, List<DistributionId>> all = links().all(KEY);

      assertThat(all).containsOnlyKeys(ARN_A, ARN_B);
      assertThat(all.get(ARN_A)).containsExactlyInAnyOrder(a1, a2);
      assertThat(all.get(ARN_B)).containsExactly(b);
    }

    @Test
    void all_whenNoDistributionIsLinked_returnsEmpty() {
      givenDistributionTagged(Map.of("team", "news"));

      assertThat(links().all(KEY)).isEmpty();
    }
  }

  @Nested
  class TagValue {

    @Test
    void tagValue_whenTagged_returnsTheValue() {
      givenDistributionTagged(Map.of(KEY, ARN_B));
      DistributionId id = givenDistributionTagged(Map.of(KEY, ARN_A, "team", "news"));

      assertThat(links().tagValue(id, KEY)).contains(ARN_A);
      assertThat(links().tagValue(id, "team")).contains("news");
    }

    @Test
    void tagValue_whenTheTagIsAbsent_returnsEmpty() {
      DistributionId id = givenDistributionTagged(Map.of("team", "news"));

      assertThat(links().tagValue(id, KEY)).isEmpty();
    }

    @Test
    void tagValue_whenTheTagWasRemoved_returnsEmpty() {
      DistributionId id = givenDistributionTagged(Map.of(KEY, ARN_A));
      givenTagRemoved(id, KEY);

      assertThat(links().tagValue(id, KEY)).isEmpty();
    }

    @Test
    void tagValue_whenDistributionIsUnknown_returnsEmpty() {
      givenDistributionTagged(Map.of(KEY, ARN_A));

      assertThat(links().tagValue(UNKNOWN, KEY)).isEmpty();
    }
  }
}
