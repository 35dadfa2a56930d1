package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small JSON reader and writer an endpoint policy needs (core has no JSON library): objects keep their key
 * order, numbers are kept as their text, so that a policy read and written back differs only where it was changed.
 */
final class Json {

  /** A number as written, kept as text. */
  record Number(String text) {}

  private final String text;
  private int at;

  private Json(String text) {
    this.text = text;
  }

  /** The value of {@code text}: a {@code Map}, {@code List}, {@code String}, {@link Number}, {@code Boolean} or null. */
  static Object parse(String text) {
    Json json = new Json(text);
    json.space();
    Object value = json.value();
    json.space();
    if (json.at != text.length()) {
      throw json.error("text after the end of the document");
    }
    return value;
  }

  /** {@code value} as compact JSON. */
  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      out.append('"');
      for (char c : s.toCharArray()) {
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
      out.append('"');
    } else if (value instanceof Number n) {
      out.append(n.text());
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(out, e.getKey());
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private Object value() {
    if (at >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        return number();
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    members('}', () -> {
      if (!peek('"')) {
        throw error("a key is expected");
      }
      String key = string();
      space();
      expect(':');
      space();
      map.put(key, value());
    });
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    members(']', () -> list.add(value()));
    return list;
  }

  /** The members of an object or array, from its opening character to {@code close}, separated by commas. */
  private void members(char close, Runnable member) {
    at++;
    space();
    if (peek(close)) {
      at++;
      return;
    }
    while (true) {
      space();
      member.run();
      space();
      if (peek(',')) {
        at++;
      } else {
        expect(close);
        return;
      }
    }
  }

  private String string() {
    at++;
    StringBuilder s = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return s.toString();
      }
      if (c != '\\') {
        s.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char e = text.charAt(at++);
      switch (e) {
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'u' -> {
          if (at + 4 > text.length()) {
            throw error("a \\u escape is cut short");
          }
          s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          at += 4;
        }
        default -> s.append(e);
      }
    }
    throw error("a string is not closed");
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("'" + word + "' is expected");
    }
    at += word.length();
    return value;
  }

  private Number number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    if (start == at) {
      throw error("unexpected character '" + text.charAt(at) + "'");
    }
    return new Number(text.substring(start, at));
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
      throw error("'" + c + "' is expected");
    }
    at++;
  }

  private ValidationException error(String what) {
    return new ValidationException("the endpoint policy is not valid JSON: " + what + " at character " + at);
  }
}
