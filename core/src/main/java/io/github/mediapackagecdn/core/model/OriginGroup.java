package io.github.mediapackagecdn.core.model;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An origin group of a distribution: two origins, the primary and the secondary CloudFront fails over to when the
 * primary answers one of the {@link #failoverStatusCodes()}. A cache behaviour targets the group by its id as it
 * targets an origin. With {@link SelectionCriteria#MEDIA_QUALITY_BASED} CloudFront picks, for every request, the
 * member whose MediaPackage v2 origin reports the higher media quality score.
 */
@Value.Immutable
public abstract class OriginGroup {

  /**
   * The status codes CloudFront lets an origin group fail over on, as its console lists them (the API model does not
   * enumerate them).
   */
  public static final Set<Integer> FAILOVER_STATUS_CODES = Set.of(400, 403, 404, 416, 500, 502, 503, 504);

  /** How CloudFront chooses between the two members. */
  public enum SelectionCriteria {
    /** The primary, and the secondary only after a failover status code or a connection failure. */
    DEFAULT("default"),
    /** The member with the higher media quality score; MediaPackage v2 origins only. */
    MEDIA_QUALITY_BASED("media-quality-based");

    private final String wireName;

    SelectionCriteria(String wireName) {
      this.wireName = wireName;
    }

    /** The criteria as CloudFront writes them, such as {@code media-quality-based}. */
    public String wireName() {
      return wireName;
    }

    /** The criteria CloudFront wrote as {@code value}; {@link #DEFAULT} when it wrote none. */
    public static SelectionCriteria fromWire(String value) {
      if (value == null || value.isEmpty()) {
        return DEFAULT;
      }
      for (SelectionCriteria criteria : values()) {
        if (criteria.wireName.equals(value)) {
          return criteria;
        }
      }
      throw new ValidationException("unknown origin group selection criteria '" + value + "'");
    }
  }

  /** The group's id within its distribution; origins and groups share one namespace of ids. */
  public abstract String id();

  /** The id of the origin CloudFront asks first. */
  public abstract String primaryOriginId();

  /** The id of the origin CloudFront fails over to. */
  public abstract String secondaryOriginId();

  /** The primary's status codes on which CloudFront asks the secondary, each one of {@link #FAILOVER_STATUS_CODES}. */
  public abstract List<Integer> failoverStatusCodes();

  /** How CloudFront chooses between the members; {@link SelectionCriteria#DEFAULT} unless set. */
  @Value.Default
  public SelectionCriteria selectionCriteria() {
    return SelectionCriteria.DEFAULT;
  }

  /** The ids of the two members, primary first. */
  public List<String> memberOriginIds() {
    return List.of(primaryOriginId(), secondaryOriginId());
  }

  /** A builder of an origin group. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OriginGroup}. */
  public static class Builder extends ImmutableOriginGroup.Builder {}
}
