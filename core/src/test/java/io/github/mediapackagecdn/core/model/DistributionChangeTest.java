package io.github.mediapackagecdn.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.mediapackagecdn.core.model.DistributionChange.AddCacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionChange.AddOrigin;
import io.github.mediapackagecdn.core.model.DistributionChange.AddOriginGroup;
import io.github.mediapackagecdn.core.model.DistributionChange.AddOriginHeader;
import io.github.mediapackagecdn.core.model.DistributionChange.RemoveOrigin;
import io.github.mediapackagecdn.core.model.DistributionChange.RetargetCacheBehavior;
import io.github.mediapackagecdn.core.model.DistributionChange.RetargetDefaultBehavior;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DistributionChangeTest {

  private static final String PLACEHOLDER_ID = "TEMP_ORIGIN_ID/channel";
  private static final String CHANNEL_ORIGIN_ID = "EMP-8343f7014c0ea438";
  private static final String HOST = "8343f7014c0ea438.mediapackage.us-west-2.amazonaws.com";
  private static final String HEADER = "X-MediaPackage-CDNIdentifier";
  private static final String SECRET = "9c1e6a34-5b1f-4d7e-9a55-3f8f0e1d2c3b";

  private static final Origin PLACEHOLDER = Origin.builder()
      .id(PLACEHOLDER_ID)
      .domainName("mediapackage.amazonaws.com")
      .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
      .addSslProtocols("TLSv1.2")
      .build();

  private static final Origin CHANNEL_ORIGIN = Origin.builder()
      .id(CHANNEL_ORIGIN_ID)
      .domainName(HOST)
      .protocolPolicy(ProtocolPolicy.HTTPS_ONLY)
      .addSslProtocols("TLSv1.2")
      .build();

  private static final Origin USER_ORIGIN = Origin.builder()
      .id("my-ads")
      .domainName("my-ads.s3.us-west-2.amazonaws.com")
      .build();

  private static CacheBehavior behavior(String pattern, String target) {
    return CacheBehavior.builder()
        .pathPattern(pattern)
        .targetOriginId(target)
        .viewerProtocolPolicy(ProtocolPolicy.REDIRECT_TO_HTTPS)
        .addAllowedMethods("GET", "HEAD", "OPTIONS")
        .addCachedMethods("GET", "HEAD")
        .cachePolicyId("08627262-05a9-4f76-9ded-b50ca2e3a84f")
        .build();
  }

  /** A distribution as created at channel save: the placeholder origin, and the default behaviour on it. */
  private static DistributionConfig placeholderOnly() {
    return DistributionConfig.builder()
        .callerReference("mediapackage-cdn-0123456789abcdef0123456789abcdef-0")
        .comment("MediaPackage live channel live-news")
        .addOrigins(PLACEHOLDER)
        .defaultBehavior(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, PLACEHOLDER_ID))
        .build();
  }

  /** The placeholder distribution with the channel origin added; the default still on the placeholder. */
  private static DistributionConfig withChannelOrigin() {
    return DistributionConfig.builder().from(placeholderOnly()).addOrigins(CHANNEL_ORIGIN).build();
  }

  /** The channel origin serves the default behaviour; the placeholder is no longer targeted. */
  private static DistributionConfig retargeted() {
    return DistributionConfig.builder()
        .from(withChannelOrigin())
        .defaultBehavior(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, CHANNEL_ORIGIN_ID))
        .build();
  }

  static Stream<Arguments> changesThatApply() {
    return Stream.of(
        Arguments.of(new AddOrigin(CHANNEL_ORIGIN), placeholderOnly()),
        Arguments.of(new AddOriginHeader(CHANNEL_ORIGIN_ID, HEADER, SECRET), withChannelOrigin()),
        Arguments.of(new AddCacheBehavior(behavior("*.m3u8", CHANNEL_ORIGIN_ID)), withChannelOrigin()),
        Arguments.of(new RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID), withChannelOrigin()),
        Arguments.of(new RemoveOrigin(PLACEHOLDER_ID), retargeted()));
  }

  @ParameterizedTest
  @MethodSource("changesThatApply")
  void applyTo_whenAppliedTwice_equalsAppliedOnce(DistributionChange change, DistributionConfig config) {
    DistributionConfig once = change.applyTo(config);

    assertThat(once).as("the change does something the first time").isNotEqualTo(config);
    assertThat(change.applyTo(once)).isEqualTo(once);
  }

  @Test
  void addCacheBehavior_beforeAPattern_isInsertedJustBeforeIt_elseAppended_andNeverTwice() {
    DistributionConfig config = DistributionConfig.builder().from(withChannelOrigin())
        .addCacheBehaviors(behavior("/a/*.mpd", CHANNEL_ORIGIN_ID), behavior("/a/*", CHANNEL_ORIGIN_ID)).build();
    AddCacheBehavior beforeCatchAll = new AddCacheBehavior(behavior("/a/*.m3u8", CHANNEL_ORIGIN_ID),
        Optional.of("/a/*"));

    DistributionConfig after = beforeCatchAll.applyTo(config);

    assertThat(after.cacheBehaviors()).extracting(CacheBehavior::pathPattern)
        .containsExactly("/a/*.mpd", "/a/*.m3u8", "/a/*");
    assertThat(beforeCatchAll.applyTo(after)).isSameAs(after);
    assertThat(new AddCacheBehavior(behavior("/b/*", CHANNEL_ORIGIN_ID), Optional.of("/none/*")).applyTo(config)
        .cacheBehaviors()).extracting(CacheBehavior::pathPattern).containsExactly("/a/*.mpd", "/a/*", "/b/*");
  }

  @Test
  void addOrigin_whenAbsent_appendsItAfterTheExistingOrigins() {
    DistributionConfig after = new AddOrigin(CHANNEL_ORIGIN).applyTo(placeholderOnly());

    assertThat(after.origins()).containsExactly(PLACEHOLDER, CHANNEL_ORIGIN);
  }

  @Test
  void addOrigin_whenAnOriginHasItsId_keepsTheExistingOrigin() {
    Origin usersVersion = Origin.builder().from(CHANNEL_ORIGIN).domainName("edited.example.com").build();
    DistributionConfig config = DistributionConfig.builder().from(placeholderOnly()).addOrigins(usersVersion).build();

    assertThat(new AddOrigin(CHANNEL_ORIGIN).applyTo(config)).isSameAs(config);
  }

  @Test
  void addOriginHeader_whenOriginLacksIt_addsItBesideTheOtherHeaders() {
    Origin withHeader = Origin.builder().from(CHANNEL_ORIGIN).putCustomHeaders("X-Team", "news").build();
    DistributionConfig config = DistributionConfig.builder().from(placeholderOnly()).addOrigins(withHeader).build();

    DistributionConfig after = new AddOriginHeader(CHANNEL_ORIGIN_ID, HEADER, SECRET).applyTo(config);

    assertThat(after.origin(CHANNEL_ORIGIN_ID).orElseThrow().customHeaders())
        .containsExactly(Map.entry("X-Team", "news"), Map.entry(HEADER, SECRET));
    assertThat(after.origin(PLACEHOLDER_ID)).hasValue(PLACEHOLDER);
  }

  @Test
  void addOriginHeader_whenOriginSendsTheHeaderInAnotherCase_keepsTheExistingValue() {
    Origin withHeader =
        Origin.builder().from(CHANNEL_ORIGIN).putCustomHeaders(HEADER.toLowerCase(Locale.ROOT), "old").build();
    DistributionConfig config = DistributionConfig.builder().from(placeholderOnly()).addOrigins(withHeader).build();

    assertThat(new AddOriginHeader(CHANNEL_ORIGIN_ID, HEADER, SECRET).applyTo(config)).isSameAs(config);
  }

  @Test
  void addOriginHeader_whenOriginIsMissing_changesNothing() {
    DistributionConfig config = placeholderOnly();

    assertThat(new AddOriginHeader(CHANNEL_ORIGIN_ID, HEADER, SECRET).applyTo(config)).isSameAs(config);
  }

  @Test
  void addOriginHeader_whenPrinted_neverShowsTheValue() {
    AddOriginHeader change = new AddOriginHeader(CHANNEL_ORIGIN_ID, HEADER, SECRET);

    assertThat(change.toString()).doesNotContain(SECRET).contains(CHANNEL_ORIGIN_ID, HEADER, "****");
    assertThat(ChangeSet.of(List.of(change)).toString()).doesNotContain(SECRET);
    assertThat(change.applyTo(withChannelOrigin()).toString()).doesNotContain(SECRET);
  }

  @Test
  void addCacheBehavior_whenPatternExists_keepsTheUsersBehavior() {
    CacheBehavior users = behavior("*.m3u8", "my-ads");
    DistributionConfig config = DistributionConfig.builder()
        .from(withChannelOrigin()).addOrigins(USER_ORIGIN).addCacheBehaviors(users).build();

    assertThat(new AddCacheBehavior(behavior("*.m3u8", CHANNEL_ORIGIN_ID)).applyTo(config)).isSameAs(config);
  }

  @Test
  void addCacheBehavior_whenNew_appendsAfterTheExistingBehaviors() {
    CacheBehavior users = behavior("/ads/*", "my-ads");
    DistributionConfig config = DistributionConfig.builder()
        .from(withChannelOrigin()).addOrigins(USER_ORIGIN).addCacheBehaviors(users).build();
    CacheBehavior ours = behavior("*.m3u8", CHANNEL_ORIGIN_ID);

    assertThat(new AddCacheBehavior(ours).applyTo(config).cacheBehaviors()).containsExactly(users, ours);
  }

  @Test
  void retargetDefaultBehavior_whenDefaultTargetsThePlaceholder_movesOnlyTheTarget() {
    DistributionConfig after = new RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID).applyTo(withChannelOrigin());

    assertThat(after.defaultBehavior()).isEqualTo(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, CHANNEL_ORIGIN_ID));
    assertThat(after.origins()).isEqualTo(withChannelOrigin().origins());
  }

  @Test
  void retargetDefaultBehavior_whenDefaultTargetsAnotherOrigin_changesNothing() {
    DistributionConfig config = DistributionConfig.builder()
        .from(withChannelOrigin())
        .addOrigins(USER_ORIGIN)
        .defaultBehavior(behavior(CacheBehavior.DEFAULT_PATH_PATTERN, "my-ads"))
        .build();

    assertThat(new RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID).applyTo(config)).isSameAs(config);
  }

  @Test
  void retargetDefaultBehavior_whenTargetOriginIsMissing_changesNothing() {
    DistributionConfig config = placeholderOnly();

    assertThat(new RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID).applyTo(config)).isSameAs(config);
  }

  @Test
  void removeOrigin_whenNothingTargetsIt_removesItAndKeepsTheOthers() {
    DistributionConfig after = new RemoveOrigin(PLACEHOLDER_ID).applyTo(retargeted());

    assertThat(after.origins()).containsExactly(CHANNEL_ORIGIN);
  }

  @Test
  void removeOrigin_whenTheDefaultBehaviorTargetsIt_refuses() {
    DistributionConfig config = withChannelOrigin();

    assertThat(new RemoveOrigin(PLACEHOLDER_ID).applyTo(config)).isSameAs(config);
  }

  @Test
  void removeOrigin_whenAnOrderedBehaviorTargetsIt_refuses() {
    DistributionConfig config = DistributionConfig.builder()
        .from(retargeted())
        .addCacheBehaviors(behavior("/legacy/*", PLACEHOLDER_ID))
        .build();

    assertThat(new RemoveOrigin(PLACEHOLDER_ID).applyTo(config)).isSameAs(config);
  }

  @Test
  void removeOrigin_whenAnOriginGroupHasItAsMember_refuses() {
    DistributionConfig config = retargeted();

    assertThat(new RemoveOrigin(PLACEHOLDER_ID).applyTo(config, grouped(Set.of(PLACEHOLDER_ID), new ArrayList<>())))
        .as("CloudFront refuses an origin group naming a missing origin").isSameAs(config);
    assertThat(new RemoveOrigin(PLACEHOLDER_ID).applyTo(config, grouped(Set.of("another"), new ArrayList<>())).origins())
        .containsExactly(CHANNEL_ORIGIN);
  }

  @Test
  void applyTo_throughAnEditor_asksItAndTellsItOnlyTheEditTheChangeDecided() {
    List<String> edits = new ArrayList<>();
    DistributionChange.Editor<DistributionConfig> editor = grouped(Set.of(), edits);
    DistributionConfig config = retargeted();

    DistributionConfig once = new AddCacheBehavior(behavior("*.mpd", CHANNEL_ORIGIN_ID)).applyTo(config, editor);
    DistributionConfig twice = new AddCacheBehavior(behavior("*.mpd", CHANNEL_ORIGIN_ID)).applyTo(once, editor);

    assertThat(edits).containsExactly("addCacheBehavior *.mpd");
    assertThat(twice).isSameAs(once).isEqualTo(new AddCacheBehavior(behavior("*.mpd", CHANNEL_ORIGIN_ID))
        .applyTo(config));
  }

  /**
   * The model's editor, with origin groups whose members are {@code members}, as an adapter's full config has; each
   * AddCacheBehavior edit it is told to make is noted in {@code edits}.
   */
  @SuppressWarnings("unchecked")
  private static DistributionChange.Editor<DistributionConfig> grouped(Set<String> members, List<String> edits) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("originGroupMembers")) {
        return members;
      }
      if (method.getName().equals("addCacheBehavior")) {
        edits.add("addCacheBehavior " + ((CacheBehavior) args[1]).pathPattern());
      }
      try {
        return method.invoke(ModelEditor.INSTANCE, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (DistributionChange.Editor<DistributionConfig>) Proxy.newProxyInstance(
        DistributionChange.Editor.class.getClassLoader(), new Class<?>[] {DistributionChange.Editor.class}, handler);
  }

  private static final OriginGroup GROUP = OriginGroup.builder()
      .id("pair")
      .primaryOriginId(CHANNEL_ORIGIN_ID)
      .secondaryOriginId(PLACEHOLDER_ID)
      .addFailoverStatusCodes(404, 503)
      .selectionCriteria(OriginGroup.SelectionCriteria.MEDIA_QUALITY_BASED)
      .build();

  @Test
  void addOriginGroup_whenBothMembersExist_addsItOnce() {
    DistributionConfig config = withChannelOrigin();

    DistributionConfig once = new AddOriginGroup(GROUP).applyTo(config);

    assertThat(once.originGroups()).containsExactly(GROUP);
    assertThat(new AddOriginGroup(GROUP).applyTo(once)).isSameAs(once);
  }

  @Test
  void addOriginGroup_whenAMemberIsMissingOrTheIdIsAnOrigins_changesNothing() {
    DistributionConfig placeholder = placeholderOnly();
    OriginGroup namedAsOrigin = OriginGroup.builder().from(GROUP).id(PLACEHOLDER_ID).build();

    assertThat(new AddOriginGroup(GROUP).applyTo(placeholder)).as("a member missing").isSameAs(placeholder);
    DistributionConfig config = withChannelOrigin();
    assertThat(new AddOriginGroup(namedAsOrigin).applyTo(config)).as("id of an origin").isSameAs(config);
  }

  @Test
  void removeOrigin_whenAModelOriginGroupHasIt_changesNothing() {
    DistributionConfig grouped = new AddOriginGroup(GROUP).applyTo(retargeted());

    assertThat(new RemoveOrigin(PLACEHOLDER_ID).applyTo(grouped)).isSameAs(grouped);
  }

  @Test
  void retargetCacheBehavior_movesOnlyABehaviourStillOnTheGivenOrigin_toAnExistingGroup() {
    DistributionConfig config = DistributionConfig.builder().from(new AddOriginGroup(GROUP).applyTo(retargeted()))
        .addCacheBehaviors(behavior("*.m3u8", CHANNEL_ORIGIN_ID), behavior("*.mpd", "my-ads"))
        .build();

    DistributionConfig moved = new RetargetCacheBehavior("*.m3u8", CHANNEL_ORIGIN_ID, "pair").applyTo(config);

    assertThat(moved.behavior("*.m3u8")).hasValue(behavior("*.m3u8", "pair"));
    assertThat(moved.behavior("*.mpd")).hasValue(behavior("*.mpd", "my-ads"));
    assertThat(new RetargetCacheBehavior("*.m3u8", CHANNEL_ORIGIN_ID, "pair").applyTo(moved)).isSameAs(moved);
    assertThat(new RetargetCacheBehavior("*.mpd", CHANNEL_ORIGIN_ID, "pair").applyTo(config))
        .as("a user's behaviour on another origin").isSameAs(config);
    assertThat(new RetargetCacheBehavior("*.m3u8", CHANNEL_ORIGIN_ID, "missing").applyTo(config))
        .as("no such group").isSameAs(config);
  }

  @Test
  void removeOrigin_whenAbsent_changesNothing() {
    DistributionConfig config = new RemoveOrigin(PLACEHOLDER_ID).applyTo(retargeted());

    assertThat(new RemoveOrigin(PLACEHOLDER_ID).applyTo(config)).isSameAs(config);
  }

  @Test
  void changeSetApplyTo_whenSeveralChanges_appliesThemInOrder() {
    ChangeSet changes = ChangeSet.of(List.of(
        new AddOrigin(CHANNEL_ORIGIN),
        new AddCacheBehavior(behavior("*.m3u8", CHANNEL_ORIGIN_ID)),
        new RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID),
        new RemoveOrigin(PLACEHOLDER_ID)));

    DistributionConfig after = changes.applyTo(placeholderOnly());

    assertThat(after.origins()).containsExactly(CHANNEL_ORIGIN);
    assertThat(after.defaultBehavior().targetOriginId()).isEqualTo(CHANNEL_ORIGIN_ID);
    assertThat(after.cacheBehaviors()).extracting(CacheBehavior::pathPattern).containsExactly("*.m3u8");
    assertThat(changes.applyTo(after)).isEqualTo(after);
  }

  @Test
  void changeSetApplyTo_whenRemovalComesBeforeRetarget_keepsThePlaceholder() {
    ChangeSet wrongOrder = ChangeSet.of(List.of(
        new AddOrigin(CHANNEL_ORIGIN),
        new RemoveOrigin(PLACEHOLDER_ID),
        new RetargetDefaultBehavior(PLACEHOLDER_ID, CHANNEL_ORIGIN_ID)));

    DistributionConfig after = wrongOrder.applyTo(placeholderOnly());

    assertThat(after.origin(PLACEHOLDER_ID)).as("a removal never leaves a behaviour without its origin").isPresent();
  }

  @Test
  void changeSetOf_whenSourceListChangesLater_keepsItsOwnCopy() {
    List<DistributionChange> source = new ArrayList<>(List.of(new AddOrigin(CHANNEL_ORIGIN)));
    ChangeSet changes = ChangeSet.of(source);

    source.add(new RemoveOrigin(PLACEHOLDER_ID));

    assertThat(changes.changes()).containsExactly(new AddOrigin(CHANNEL_ORIGIN));
    assertThat(ChangeSet.empty().isEmpty()).isTrue();
    assertThat(changes.isEmpty()).isFalse();
  }

  private static final String LIBRARY_POLICY = "08627262-05a9-4f76-9ded-b50ca2e3a84f";
  private static final String CORS = "e61eb60c-9c35-4d20-a928-2b84e02af89c";

  @Test
  void useResponseHeadersPolicy_givesItOnlyToTheLibrarysBehaviourWithoutOne_once() {
    DistributionConfig config = DistributionConfig.builder().from(retargeted())
        .addCacheBehaviors(behavior("*.m3u8", CHANNEL_ORIGIN_ID)).build();
    DistributionChange.UseResponseHeadersPolicy use = new DistributionChange.UseResponseHeadersPolicy("*.m3u8",
        CHANNEL_ORIGIN_ID, Set.of(LIBRARY_POLICY), CORS);

    DistributionConfig once = use.applyTo(config);

    assertThat(once.behavior("*.m3u8")).get().satisfies(b -> {
      assertThat(b.responseHeadersPolicyId()).contains(CORS);
      assertThat(b.cachePolicyId()).contains(LIBRARY_POLICY);
    });
    assertThat(use.applyTo(once)).isSameAs(once);
  }

  @Test
  void useResponseHeadersPolicy_movesTheLibrarysBehaviourFromAnEarlierPolicy_leavesAnotherCachePolicyOrTarget() {
    CacheBehavior earlier = CacheBehavior.builder().from(behavior("*.m3u8", CHANNEL_ORIGIN_ID))
        .responseHeadersPolicyId("an-earlier-setting").build();
    CacheBehavior otherCache = CacheBehavior.builder().from(behavior("*.mpd", CHANNEL_ORIGIN_ID))
        .cachePolicyId("users-cache-policy").responseHeadersPolicyId("users-policy").build();
    DistributionConfig config = DistributionConfig.builder().from(retargeted())
        .addCacheBehaviors(earlier, otherCache, behavior("*.ts", "my-ads")).build();

    DistributionConfig moved = new DistributionChange.UseResponseHeadersPolicy("*.m3u8", CHANNEL_ORIGIN_ID,
        Set.of(LIBRARY_POLICY), CORS).applyTo(config);

    assertThat(moved.behavior("*.m3u8").orElseThrow().responseHeadersPolicyId()).as("the library's, as set now")
        .contains(CORS);
    for (String pattern : List.of("*.mpd", "*.ts", "*.absent")) {
      assertThat(new DistributionChange.UseResponseHeadersPolicy(pattern, CHANNEL_ORIGIN_ID, Set.of(LIBRARY_POLICY),
          CORS).applyTo(config)).as(pattern).isSameAs(config);
    }
    assertThat(new DistributionChange.UseResponseHeadersPolicy("*.m3u8", CHANNEL_ORIGIN_ID, Set.of(LIBRARY_POLICY),
        CORS).applyTo(moved)).as("already as set").isSameAs(moved);
  }


  @Test
  void useDefaultResponseHeadersPolicy_givesItOnlyToTheLibrarysDefaultBehaviourWithoutOne() {
    DistributionConfig config = retargeted();
    DistributionChange.UseDefaultResponseHeadersPolicy use =
        new DistributionChange.UseDefaultResponseHeadersPolicy(CHANNEL_ORIGIN_ID, Set.of(LIBRARY_POLICY), CORS);

    DistributionConfig once = use.applyTo(config);

    assertThat(once.defaultBehavior().responseHeadersPolicyId()).contains(CORS);
    assertThat(use.applyTo(once)).isSameAs(once);
    DistributionConfig elsewhere = placeholderOnly();
    assertThat(use.applyTo(elsewhere)).as("another target").isSameAs(elsewhere);
    assertThat(new DistributionChange.UseDefaultResponseHeadersPolicy(CHANNEL_ORIGIN_ID, Set.of("other"), CORS)
        .applyTo(config)).as("another cache policy").isSameAs(config);
  }

  @Test
  void useOriginSettings_setsOnlyTheGivenSettingsOfThatOrigin_once_andNothingWhenUnsetHeldOrAbsent() {
    Origin tuned = Origin.builder().from(CHANNEL_ORIGIN).connectionTimeoutSeconds(5).readTimeoutSeconds(20)
        .keepAliveTimeoutSeconds(15).putCustomHeaders(HEADER, SECRET).build();
    DistributionConfig config = DistributionConfig.builder().from(retargeted()).origins(List.of(tuned, USER_ORIGIN))
        .build();
    DistributionChange.OriginSettings shieldAndRead = new DistributionChange.OriginSettings(Optional.empty(),
        Optional.of(3), Optional.empty(), Optional.empty(), Optional.of("us-west-2"));
    DistributionChange.UseOriginSettings use = new DistributionChange.UseOriginSettings(CHANNEL_ORIGIN_ID,
        shieldAndRead);

    DistributionConfig once = use.applyTo(config);

    assertThat(once.origin(CHANNEL_ORIGIN_ID)).contains(Origin.builder().from(tuned).readTimeoutSeconds(3)
        .originShieldRegion("us-west-2").build());
    assertThat(once.origin("my-ads")).contains(USER_ORIGIN);
    assertThat(use.applyTo(once)).as("held").isSameAs(once);
    DistributionChange.OriginSettings unset = new DistributionChange.OriginSettings(Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(new DistributionChange.UseOriginSettings(CHANNEL_ORIGIN_ID, unset).applyTo(config)).as("unset")
        .isSameAs(config);
    assertThat(new DistributionChange.UseOriginSettings("absent", shieldAndRead).applyTo(config)).as("absent")
        .isSameAs(config);
  }
}
