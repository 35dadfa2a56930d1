package io.github.mediapackagecdn.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Copies what a read answer holds into a write request, member by member, through the SDK's own field metadata
 * ({@link SdkPojo#sdkFields()}): every member of the request whose name the answer has too gets the answer's value, at
 * every depth, also when the two use different shapes for it (MediaPackage v2's {@code GetHlsManifestConfiguration}
 * and {@code CreateHlsManifestConfiguration}, say). A member the SDK's model adds later is copied without a code
 * change.
 *
 * <p>A member the answer does not hold is not set, so it is not sent (a list or map the answer did not have stays
 * absent rather than becoming empty). Members only the answer has (an ARN, a URL, timestamps) are read-only and are
 * left out. A member both have but in kinds that cannot be converted (a list in one, a structure in the other) is not
 * copied; its path is reported, so that the caller writes nothing rather than drop it.
 */
final class SharedMembers {

  private SharedMembers() {}

  /**
   * Sets on {@code request} (an SDK builder) every member {@code read} has under the same name, but the top-level
   * members named in {@code except}.
   *
   * @return the path of each member both have that could not be copied; empty when everything was
   */
  static List<String> copy(SdkPojo read, SdkPojo request, Set<String> except) {
    List<String> uncopied = new ArrayList<>();
    copy(read, request, except, "", uncopied);
    return List.copyOf(uncopied);
  }

  private static void copy(SdkPojo read, SdkPojo request, Set<String> except, String path, List<String> uncopied) {
    Map<String, SdkField<?>> readFields = new LinkedHashMap<>();
    read.sdkFields().forEach(f -> readFields.put(f.memberName(), f));
    for (SdkField<?> target : request.sdkFields()) {
      SdkField<?> source = readFields.get(target.memberName());
      if (source == null || except.contains(target.memberName())) {
        continue;
      }
      Object value = source.getValueOrDefault(read);
      if (!held(value)) {
        continue;
      }
      String memberPath = path.isEmpty() ? target.memberName() : path + "/" + target.memberName();
      Object converted = convert(value, source, target, memberPath, uncopied);
      if (converted != null) {
        target.set(request, converted);
      }
    }
  }

  /** The value for {@code target}, or null (with the path reported) when it cannot be converted. */
  private static Object convert(Object value, SdkField<?> source, SdkField<?> target, String path,
      List<String> uncopied) {
    MarshallingType<?> type = target.marshallingType();
    if (source.marshallingType() != type) {
      uncopied.add(path);
      return null;
    }
    if (type == MarshallingType.SDK_POJO) {
      SdkPojo builder = target.constructor().get();
      copy((SdkPojo) value, builder, Set.of(), path, uncopied);
      return ((SdkBuilder<?, ?>) builder).build();
    }
    if (type == MarshallingType.LIST) {
      SdkField<?> sourceItem = source.getRequiredTrait(ListTrait.class).memberFieldInfo();
      SdkField<?> targetItem = target.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> items = new ArrayList<>();
      int index = 0;
      for (Object item : (List<?>) value) {
        index++;
        String itemPath = path + "[" + index + "]";
        if (item == null) {
          uncopied.add(itemPath);
          return null;
        }
        Object converted = convert(item, sourceItem, targetItem, itemPath, uncopied);
        if (converted == null) {
          return null;
        }
        items.add(converted);
      }
      return items;
    }
    if (type == MarshallingType.MAP) {
      SdkField<?> sourceValue = source.getRequiredTrait(MapTrait.class).valueFieldInfo();
      SdkField<?> targetValue = target.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<Object, Object> entries = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String entryPath = path + "/" + entry.getKey();
        if (entry.getValue() == null) {
          uncopied.add(entryPath);
          return null;
        }
        Object converted = convert(entry.getValue(), sourceValue, targetValue, entryPath, uncopied);
        if (converted == null) {
          return null;
        }
        entries.put(entry.getKey(), converted);
      }
      return entries;
    }
    return value; // a string (an enum's text too), a number, a boolean, a timestamp: immutable, shared as is
  }

  /** Whether the answer had the member: the SDK stands in an empty auto-construct list or map for one it did not. */
  private static boolean held(Object value) {
    return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
  }
}
