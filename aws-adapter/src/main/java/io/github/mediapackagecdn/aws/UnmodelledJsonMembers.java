package io.github.mediapackagecdn.aws;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * What a rest-json body holds that the SDK object parsed from it does not: members the SDK model has no field for (the
 * SDK's parser skips them without a word), list items or map entries it did not keep, values it holds differently.
 * Writing the object back would drop or change each of them. The JSON counterpart of {@link UnmodelledSettings}.
 *
 * <p>The body is walked together with the object's {@link SdkPojo#sdkFields()}, member by member at every depth, by
 * the members' JSON names. A {@code null} in the body counts as absent. Anything this walk cannot compare (a document,
 * bytes) counts as not held: the check may refuse a resource it could have written, never the other way round.
 */
final class UnmodelledJsonMembers {

  private UnmodelledJsonMembers() {}

  /**
   * The path of each member or value of {@code json} that {@code parsed} does not hold, in body order, such as
   * {@code HlsManifests[1]/UriPathType}; empty when writing {@code parsed} back drops nothing.
   *
   * @throws IllegalArgumentException when {@code json} is not a JSON object
   */
  static List<String> of(byte[] json, SdkPojo parsed) {
    Object root = new Parser(new String(json, StandardCharsets.UTF_8)).document();
    if (!(root instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("the response body is not a JSON object");
    }
    List<String> unheld = new ArrayList<>();
    structure(object, parsed, "", unheld);
    return List.copyOf(unheld);
  }

  private static void structure(Map<?, ?> object, SdkPojo pojo, String path, List<String> unheld) {
    Map<String, SdkField<?>> members = new HashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.location() == MarshallLocation.PAYLOAD) {
        members.put(field.unmarshallLocationName(), field);
      }
    }
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      String memberPath = path.isEmpty() ? (String) entry.getKey() : path + "/" + entry.getKey();
      SdkField<?> field = members.get((String) entry.getKey());
      if (field == null) {
        unheld.add(memberPath);
      } else {
        value(entry.getValue(), field, field.getValueOrDefault(pojo), memberPath, unheld);
      }
    }
  }

  private static void value(Object json, SdkField<?> field, Object held, String path, List<String> unheld) {
    if (held == null) {
      unheld.add(path); // the SDK has no value for a member MediaPackage sent
      return;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO && json instanceof Map<?, ?> object) {
      structure(object, (SdkPojo) held, path, unheld);
    } else if (type == MarshallingType.LIST && json instanceof List<?> items) {
      SdkField<?> item = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<?> heldItems = (List<?>) held;
      for (int i = 0; i < items.size(); i++) {
        String itemPath = path + "[" + (i + 1) + "]";
        if (items.get(i) == null) {
          continue;
        }
        if (i >= heldItems.size()) {
          unheld.add(itemPath);
        } else {
          value(items.get(i), item, heldItems.get(i), itemPath, unheld);
        }
      }
    } else if (type == MarshallingType.MAP && json instanceof Map<?, ?> entries) {
      SdkField<?> entryField = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<?, ?> heldEntries = (Map<?, ?>) held;
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        if (entry.getValue() != null) {
          value(entry.getValue(), entryField, heldEntries.get(entry.getKey()), path + "/" + entry.getKey(), unheld);
        }
      }
    } else if (!scalarHeld(json, type, held)) {
      unheld.add(path);
    }
  }

  private static boolean scalarHeld(Object json, MarshallingType<?> type, Object held) {
    if (type == MarshallingType.STRING) {
      return json.equals(held);
    }
    if (type == MarshallingType.BOOLEAN) {
      return json.equals(held);
    }
    if (type == MarshallingType.INSTANT) {
      Instant instant = (Instant) held;
      if (json instanceof BigDecimal seconds) {
        return seconds.compareTo(BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(),
            9))) == 0;
      }
      try {
        return json instanceof String text && Instant.parse(text).equals(instant);
      } catch (DateTimeParseException e) {
        return false;
      }
    }
    if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
        || type == MarshallingType.BYTE || type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE
        || type == MarshallingType.BIG_DECIMAL) {
      return json instanceof BigDecimal number && number.compareTo(new BigDecimal(held.toString())) == 0;
    }
    return false; // a document, bytes, or a value of another kind than the member's: not comparable
  }

  /**
   * A strict JSON reader (RFC 8259): objects as insertion-ordered maps, arrays as lists, numbers as
   * {@link BigDecimal}, and {@code null}.
   */
  private static final class Parser {
    /** Deeper nesting than any AWS answer has; the bound keeps a hostile body from exhausting the stack. */
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object document() {
      Object value = value(0);
      skipWhitespace();
      if (at != text.length()) {
        throw error("text after the JSON value");
      }
      return value;
    }

    private Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH);
      }
      skipWhitespace();
      if (at >= text.length()) {
        throw error("end of the body where a value was expected");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{':
          return object(depth);
        case '[':
          return array(depth);
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          return number();
      }
    }

    private Map<String, Object> object(int depth) {
      Map<String, Object> object = new LinkedHashMap<>();
      at++;
      skipWhitespace();
      if (peek('}')) {
        at++;
        return object;
      }
      while (true) {
        skipWhitespace();
        if (!peek('"')) {
          throw error("a member name was expected");
        }
        String name = string();
        skipWhitespace();
        expect(':');
        if (object.containsKey(name)) {
          throw error("member " + name + " given twice");
        }
        object.put(name, value(depth + 1));
        skipWhitespace();
        if (peek(',')) {
          at++;
        } else {
          expect('}');
          return object;
        }
      }
    }

    private List<Object> array(int depth) {
      List<Object> array = new ArrayList<>();
      at++;
      skipWhitespace();
      if (peek(']')) {
        at++;
        return array;
      }
      while (true) {
        array.add(value(depth + 1));
        skipWhitespace();
        if (peek(',')) {
          at++;
        } else {
          expect(']');
          return array;
        }
      }
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw error("a control character in a string");
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char escaped = text.charAt(at++);
        switch (escaped) {
          case '"', '\\', '/' -> out.append(escaped);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("a short \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException e) {
              throw error("a bad \\u escape");
            }
            at += 4;
          }
          default -> throw error("a bad escape \\" + escaped);
        }
      }
      throw error("an unterminated string");
    }

    private BigDecimal number() {
      int start = at;
      if (peek('-')) {
        at++;
      }
      if (peek('0')) {
        at++;
      } else {
        digits();
      }
      if (peek('.')) {
        at++;
        digits();
      }
      if (peek('e') || peek('E')) {
        at++;
        if (peek('+') || peek('-')) {
          at++;
        }
        digits();
      }
      return new BigDecimal(text.substring(start, at));
    }

    private void digits() {
      int start = at;
      while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
        at++;
      }
      if (at == start) {
        throw error("a digit was expected");
      }
    }

    private void literal(String word) {
      if (!text.startsWith(word, at)) {
        throw error(word + " was expected");
      }
      at += word.length();
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("'" + c + "' was expected");
      }
      at++;
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void skipWhitespace() {
      while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t' || text.charAt(at) == '\n'
          || text.charAt(at) == '\r')) {
        at++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("the response body is not JSON: " + what + " at character " + at);
    }
  }
}
