package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.cdn.DistributionPlan;
import io.github.mediapackagecdn.core.error.ResourceConflictException;
import io.github.mediapackagecdn.core.model.CloudFrontQuotas;
import io.github.mediapackagecdn.core.v2.model.CachePolicy;
import io.github.mediapackagecdn.core.v2.model.CachePolicyConfig;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControl;
import io.github.mediapackagecdn.core.v2.model.OriginAccessControlConfig;
import io.github.mediapackagecdn.core.v2.port.CloudFrontPolicies;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The account-wide settings every v2 distribution shares, each found by its name or created once, never one per save:
 * the origin access control and the manifest and segment cache policies (CloudFront's quota of them is small). What is
 * found by name must be what the library would create, or it is refused before any write. A cache policy's name
 * carries a digest of its settings ({@link V2Layout#versioned}), so a library version or a setting that changes one
 * creates a new policy by a new name and leaves the earlier one as it is; the earlier ones of the library's names are
 * listed too ({@link V2Layout.Policies#earlierCachePolicyIds()}), so that its behaviours still on them move to the new
 * one. The cache policies' query strings are checked against the account's quota before anything is created
 * ({@link #refuseOverQuota}, which the saves call before their first write). Once found, the ids are remembered by
 * this instance; two instances creating at once both end with the one CloudFront kept ({@code AlreadyExists}: read
 * again by name and checked). Thread-safe.
 */
final class SharedPolicies {

  /** The stand-in of an id not known yet, in a plan only counted. */
  private static final String NOT_CREATED_YET = "not-looked-up-yet";

  private final CloudFrontPolicies policies;
  private final OriginAccessControlConfig wantedAccess;
  private final CachePolicyConfig wantedManifests;
  private final CachePolicyConfig wantedSegments;
  private final CloudFrontQuotas quotas;
  /** Guarded by {@code this}. */
  private V2Layout.Policies known;
  /** Whether the settings named were looked up and checked; guarded by {@code this}. */
  private boolean checked;
  /** The ids found or created so far, null until then; guarded by {@code this}. */
  private String accessId;
  private String manifestsId;
  private String segmentsId;
  private final Set<String> earlier = new LinkedHashSet<>();

  SharedPolicies(CloudFrontPolicies policies, String accessControlName, CachePolicyConfig manifests,
      CachePolicyConfig segments, CloudFrontQuotas quotas) {
    this.policies = policies;
    this.wantedAccess = OriginAccessControlConfig.forMediaPackageV2(accessControlName);
    this.wantedManifests = manifests;
    this.wantedSegments = segments;
    this.quotas = quotas;
  }

  /**
   * Refuses, without a call, cache policies with more query strings than the account's quota allows; a save calls it
   * before its first write.
   *
   * @throws io.github.mediapackagecdn.core.error.QuotaExceededException naming the policy and the figures
   */
  void refuseOverQuota() {
    for (CachePolicyConfig policy : List.of(wantedManifests, wantedSegments)) {
      quotas.refuseCachePolicy(policy.name(), policy.queryStrings());
    }
  }

  /**
   * The three ids when this instance knows them; otherwise stand-ins, so that a plan can be counted against the
   * quotas before anything is looked up or created. Never sent.
   */
  synchronized V2Layout.Policies knownOrStandIns() {
    return known != null ? known
        : new V2Layout.Policies(NOT_CREATED_YET, NOT_CREATED_YET, NOT_CREATED_YET, Set.of());
  }

  /**
   * The three ids as a save would use them, with reads only: the ones this instance knows, else those found by name
   * ({@link #check}, once), a stand-in for one not created yet (the save would create it). Creates nothing; for a
   * dry run.
   *
   * @throws ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) as {@link #check}
   */
  synchronized V2Layout.Policies lookedUp() {
    if (known != null) {
      return known;
    }
    check();
    return new V2Layout.Policies(accessId == null ? NOT_CREATED_YET : accessId,
        manifestsId == null ? NOT_CREATED_YET : manifestsId, segmentsId == null ? NOT_CREATED_YET : segmentsId,
        earlier);
  }

  /**
   * What {@link #ids} would create, in its order, as a plan lists it: nothing when this instance knows the ids, else
   * each setting {@link #check} (reads only, once) did not find by name. Creates nothing.
   *
   * @throws ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) as {@link #check}
   */
  synchronized List<DistributionPlan.CloudFrontWrite> toCreate() {
    if (known != null) {
      return List.of();
    }
    check();
    List<DistributionPlan.CloudFrontWrite> writes = new java.util.ArrayList<>();
    if (accessId == null) {
      writes.add(new DistributionPlan.CloudFrontWrite("CreateOriginAccessControl", wantedAccess.name()));
    }
    if (manifestsId == null) {
      writes.add(new DistributionPlan.CloudFrontWrite("CreateCachePolicy", wantedManifests.name()));
    }
    if (segmentsId == null) {
      writes.add(new DistributionPlan.CloudFrontWrite("CreateCachePolicy", wantedSegments.name()));
    }
    return List.copyOf(writes);
  }

  /**
   * Looks the three up by name, once, with reads only (ListOriginAccessControls, and one ListCachePolicies for both
   * policies and the library's earlier ones), and checks what it finds: an origin access control that does not sign
   * for MediaPackage v2 (origin type {@code mediapackagev2}, signing {@code always}, {@code sigv4}), or a cache policy
   * whose cache key or TTLs are not the library's, is refused, naming the settings that differ.
   *
   * @throws ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) for a shared setting found by name with other
   *     settings than the library's
   */
  synchronized void check() {
    if (checked) {
      return;
    }
    Optional<OriginAccessControl> access = policies.findOriginAccessControl(wantedAccess.name());
    access.ifPresent(found -> refuse("origin access control", wantedAccess.name(), found.id(),
        wantedAccess.differences(found.config())));
    List<CachePolicy> all = policies.cachePolicies();
    Optional<CachePolicy> manifests = named(all, wantedManifests);
    Optional<CachePolicy> segments = named(all, wantedSegments);
    accessId = access.map(OriginAccessControl::id).orElse(null);
    manifestsId = manifests.map(CachePolicy::id).orElse(null);
    segmentsId = segments.map(CachePolicy::id).orElse(null);
    all.stream().filter(p -> V2Layout.isLibraryCachePolicy(p.config().name()))
        .filter(p -> !p.config().name().equals(wantedManifests.name())
            && !p.config().name().equals(wantedSegments.name()))
        .forEach(p -> earlier.add(p.id()));
    checked = true;
  }

  /**
   * What the account's shared settings are now, for the fleet audit: the ids found by the library's names, and each
   * one found with other settings than the library's (changed by hand), described. Reads only (ListOriginAccessControls
   * and one ListCachePolicies, every page), every time: nothing is remembered, nothing created or refused.
   */
  Found read() {
    Optional<OriginAccessControl> access = policies.findOriginAccessControl(wantedAccess.name());
    List<CachePolicy> all = policies.cachePolicies();
    List<String> changed = new java.util.ArrayList<>();
    access.ifPresent(found -> changed(changed, "origin access control", wantedAccess.name(), found.id(),
        wantedAccess.differences(found.config())));
    Optional<CachePolicy> manifests = all.stream().filter(p -> p.config().name().equals(wantedManifests.name()))
        .findFirst();
    Optional<CachePolicy> segments = all.stream().filter(p -> p.config().name().equals(wantedSegments.name()))
        .findFirst();
    manifests.ifPresent(found -> changed(changed, "cache policy", wantedManifests.name(), found.id(),
        wantedManifests.differences(found.config())));
    segments.ifPresent(found -> changed(changed, "cache policy", wantedSegments.name(), found.id(),
        wantedSegments.differences(found.config())));
    Set<String> earlierIds = new LinkedHashSet<>();
    all.stream().filter(p -> V2Layout.isLibraryCachePolicy(p.config().name()))
        .filter(p -> !p.config().name().equals(wantedManifests.name())
            && !p.config().name().equals(wantedSegments.name()))
        .forEach(p -> earlierIds.add(p.id()));
    return new Found(wantedAccess.name(), access.map(OriginAccessControl::id), manifests.map(CachePolicy::id),
        segments.map(CachePolicy::id), earlierIds, changed);
  }

  /**
   * The shared settings as read by {@link #read}: the origin access control's name and id, the cache policies' ids
   * (each empty when none has the name), the library's earlier cache policies, and each setting found by name with
   * other settings than the library's, described.
   */
  record Found(String accessControlName, Optional<String> accessControlId, Optional<String> manifestsId,
      Optional<String> segmentsId, Set<String> earlier, List<String> changed) {}

  private static void changed(List<String> changed, String kind, String name, String id, List<String> differences) {
    if (!differences.isEmpty()) {
      changed.add("the " + kind + " named " + name + " (" + id + ") is not the library's: "
          + String.join("; ", differences) + "; every v2 distribution of the account uses it, and saves refuse it");
    }
  }

  /**
   * The ids: looked up and checked ({@link #check}), then what is missing created, on the first call only.
   *
   * @throws ResourceConflictException ({@code SHARED_POLICY_MISMATCH}) for a shared setting found by name with other
   *     settings than the library's, before anything is created
   */
  synchronized V2Layout.Policies ids() {
    if (known == null) {
      refuseOverQuota();
      check();
      if (accessId == null) {
        accessId = create(() -> policies.findOriginAccessControl(wantedAccess.name()),
            () -> policies.createOriginAccessControl(wantedAccess), found -> wantedAccess.differences(found.config()),
            OriginAccessControl::id, "origin access control", wantedAccess.name());
      }
      if (manifestsId == null) {
        manifestsId = create(wantedManifests);
      }
      if (segmentsId == null) {
        segmentsId = create(wantedSegments);
      }
      known = new V2Layout.Policies(accessId, manifestsId, segmentsId, earlier);
    }
    return known;
  }

  /** The cache policy of {@code wanted}'s name among {@code all}, checked; empty when there is none. */
  private static Optional<CachePolicy> named(List<CachePolicy> all, CachePolicyConfig wanted) {
    Optional<CachePolicy> found = all.stream().filter(p -> p.config().name().equals(wanted.name())).findFirst();
    found.ifPresent(policy -> refuse("cache policy", wanted.name(), policy.id(), wanted.differences(policy.config())));
    return found;
  }

  private String create(CachePolicyConfig wanted) {
    return create(() -> policies.findCachePolicy(wanted.name()), () -> policies.createCachePolicy(wanted),
        policy -> wanted.differences(policy.config()), CachePolicy::id, "cache policy", wanted.name());
  }

  /**
   * Creates it; when another instance created it a moment ago ({@code AlreadyExists}), the one CloudFront kept, read
   * again by name and checked.
   */
  private static <T> String create(Supplier<Optional<T>> find, Supplier<T> create,
      Function<T, List<String>> differences, Function<T, String> id, String kind, String name) {
    try {
      return id.apply(create.get());
    } catch (ResourceConflictException e) {
      if (e.reason() != ResourceConflictException.Reason.ALREADY_EXISTS) {
        throw e;
      }
      T found = find.get().orElseThrow(() -> e); // created by another instance a moment ago
      refuse(kind, name, id.apply(found), differences.apply(found));
      return id.apply(found);
    }
  }

  private static void refuse(String kind, String name, String id, List<String> differences) {
    if (!differences.isEmpty()) {
      throw new ResourceConflictException("the " + kind + " named " + name + " (" + id + ") is not the library's: "
          + String.join("; ", differences) + ". Every v2 distribution of the account would use it; the library"
          + " neither uses nor changes it: rename or delete it, or make those settings the library's",
          ResourceConflictException.Reason.SHARED_POLICY_MISMATCH, id);
    }
  }
}
