package io.github.mediapackagecdn.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the fakes read: endpoint policies and secret strings. Objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, numbers {@link BigDecimal}s, and {@code true}, {@code false}, {@code null} themselves. Anything else
 * is an {@link IllegalArgumentException} naming the offset.
 */
final class PolicyJson {

  private final String text;
  private int at;

  private PolicyJson(String text) {
    this.text = text;
  }

  /** The value {@code text} holds, which must be exactly one JSON value (white space around it allowed). */
  static Object parse(String text) {
    PolicyJson reader = new PolicyJson(text);
    Object value = reader.value();
    reader.space();
    if (reader.at != text.length()) {
      throw reader.error("text after the JSON value");
    }
    return value;
  }

  /** {@code value} as a JSON string literal. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code document} written back as an AWS service may answer a policy it stored: the same meaning, another text.
   * Every object's keys in reverse order, every list of one value as that value (IAM reads both alike), spaces and
   * new lines between the members.
   */
  static String reserialized(String document) {
    StringBuilder out = new StringBuilder();
    reserialize(out, parse(document));
    return out.toString();
  }

  private static void reserialize(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      java.util.Collections.reverse(entries);
      out.append("{\n  ");
      for (int i = 0; i < entries.size(); i++) {
        out.append(i == 0 ? "" : ",\n  ").append(quote((String) entries.get(i).getKey())).append(" : ");
        reserialize(out, entries.get(i).getValue());
      }
      out.append("\n}");
    } else if (value instanceof List<?> list && list.size() == 1) {
      reserialize(out, list.get(0));
    } else if (value instanceof List<?> list) {
      out.append("[ ");
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ", ");
        reserialize(out, list.get(i));
      }
      out.append(" ]");
    } else if (value instanceof String text) {
      out.append(quote(text));
    } else if (value instanceof BigDecimal number) {
      out.append(number.toString());
    } else {
      out.append(value); // true, false, null
    }
  }

  private Object value() {
    space();
    if (at >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(at);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    at++;
    space();
    if (peek('}')) {
      at++;
      return map;
    }
    while (true) {
      space();
      if (!peek('"')) {
        throw error("an object key must be a string");
      }
      String key = string();
      space();
      expect(':');
      map.put(key, value());
      space();
      if (peek(',')) {
        at++;
      } else {
        expect('}');
        return map;
      }
    }
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    at++;
    space();
    if (peek(']')) {
      at++;
      return list;
    }
    while (true) {
      list.add(value());
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(']');
        return list;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder out = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return out.toString();
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
            throw error("a \\u escape needs four hex digits");
          }
          try {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException e) {
            throw error("a \\u escape needs four hex digits");
          }
          at += 4;
        }
        default -> throw error("unknown escape \\" + escaped);
      }
    }
    throw error("a string is not closed");
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    at += word.length();
    return value;
  }

  private BigDecimal number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    try {
      return new BigDecimal(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("unexpected character '" + text.charAt(start) + "'");
    }
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
    at++;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("not JSON: " + what + " at offset " + at);
  }
}
