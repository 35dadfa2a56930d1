package io.github.mediapackagecdn.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An endpoint policy (IAM's JSON policy language) evaluated for one request, as IAM evaluates a resource policy: a
 * statement applies when its principal, action, resource and every condition match; an applying {@code Deny} wins,
 * else an applying {@code Allow} allows, else the request is denied implicitly. Condition keys are compared
 * case-insensitively, values by the operator: {@code String*}, {@code Arn*}, {@code Bool}, {@code Null}, each with
 * {@code IfExists}; a negated operator holds when the key is absent. What the fake cannot evaluate (another operator,
 * a set operator, a document that is not a policy) is {@link Decision#UNREADABLE}, never an allow.
 */
final class PolicyEvaluation {

  /** The outcome. */
  enum Decision {
    /** An {@code Allow} statement applies and no {@code Deny} does. */
    ALLOW,
    /** A {@code Deny} statement applies. */
    EXPLICIT_DENY,
    /** No statement applies. */
    IMPLICIT_DENY,
    /** The fake cannot evaluate the policy. */
    UNREADABLE
  }

  /**
   * One request: who asks ({@code service} a service principal such as {@code cloudfront.amazonaws.com}, empty for an
   * anonymous request), the action, the resource ARN and the request context's keys.
   */
  record Request(Optional<String> service, String action, String resource, Map<String, String> context) {}

  /** The decision, the statement that decided it ({@code Sid}, or its position), and what could not be read. */
  record Result(Decision decision, String statement, String detail) {}

  private PolicyEvaluation() {}

  /** Evaluates {@code document} for {@code request}. */
  static Result evaluate(String document, Request request) {
    List<Map<?, ?>> statements;
    try {
      statements = statements(document);
    } catch (IllegalArgumentException unreadable) {
      return new Result(Decision.UNREADABLE, "", unreadable.getMessage());
    }
    String allowedBy = null;
    for (int i = 0; i < statements.size(); i++) {
      Map<?, ?> statement = statements.get(i);
      String name = statement.get("Sid") instanceof String sid ? "'" + sid + "'" : "#" + (i + 1);
      boolean applies;
      try {
        applies = applies(statement, request);
      } catch (IllegalArgumentException unreadable) {
        return new Result(Decision.UNREADABLE, name, unreadable.getMessage());
      }
      if (!applies) {
        continue;
      }
      Object effect = statement.get("Effect");
      if ("Deny".equals(effect)) {
        return new Result(Decision.EXPLICIT_DENY, name, "");
      }
      if (!"Allow".equals(effect)) {
        return new Result(Decision.UNREADABLE, name, "its Effect is neither Allow nor Deny");
      }
      if (allowedBy == null) {
        allowedBy = name;
      }
    }
    return allowedBy == null ? new Result(Decision.IMPLICIT_DENY, "", "")
        : new Result(Decision.ALLOW, allowedBy, "");
  }

  /** Whether a statement of the policy has a condition on {@code key} (any operator); false for a policy not read. */
  static boolean namesConditionKey(String document, String key) {
    try {
      return statements(document).stream().anyMatch(statement -> statement.get("Condition") instanceof Map<?, ?> ops
          && ops.values().stream().anyMatch(keys -> keys instanceof Map<?, ?> map
              && map.keySet().stream().anyMatch(k -> key.equalsIgnoreCase(String.valueOf(k)))));
    } catch (IllegalArgumentException unreadable) {
      return false;
    }
  }

  private static List<Map<?, ?>> statements(String document) {
    if (!(PolicyJson.parse(document) instanceof Map<?, ?> policy)) {
      throw new IllegalArgumentException("the policy is not a JSON object");
    }
    Object given = policy.get("Statement");
    List<Object> all = new ArrayList<>();
    if (given instanceof List<?> list) {
      all.addAll(list);
    } else if (given != null) {
      all.add(given);
    }
    List<Map<?, ?>> statements = new ArrayList<>();
    for (Object statement : all) {
      if (!(statement instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("a statement is not a JSON object");
      }
      statements.add(map);
    }
    return statements;
  }

  private static boolean applies(Map<?, ?> statement, Request request) {
    boolean principal = statement.containsKey("NotPrincipal")
        ? !principalMatches(statement.get("NotPrincipal"), request)
        : statement.containsKey("Principal") && principalMatches(statement.get("Principal"), request);
    boolean action = statement.containsKey("NotAction")
        ? values(statement.get("NotAction")).stream().noneMatch(a -> Wildcards.matchesIgnoringCase(a, request.action()))
        : values(statement.get("Action")).stream().anyMatch(a -> Wildcards.matchesIgnoringCase(a, request.action()));
    boolean resource = statement.containsKey("NotResource")
        ? values(statement.get("NotResource")).stream().noneMatch(r -> Wildcards.matches(r, request.resource()))
        : !statement.containsKey("Resource")
            || values(statement.get("Resource")).stream().anyMatch(r -> Wildcards.matches(r, request.resource()));
    return principal && action && resource && conditions(statement.get("Condition"), request.context());
  }

  private static boolean principalMatches(Object principal, Request request) {
    if ("*".equals(principal)) {
      return true;
    }
    if (!(principal instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("a Principal is neither \"*\" nor an object");
    }
    if (values(map.get("AWS")).contains("*")) {
      return true;
    }
    return request.service().isPresent()
        && values(map.get("Service")).stream().anyMatch(s -> s.equalsIgnoreCase(request.service().get()));
  }

  private static boolean conditions(Object condition, Map<String, String> context) {
    if (condition == null) {
      return true;
    }
    if (!(condition instanceof Map<?, ?> operators)) {
      throw new IllegalArgumentException("a Condition is not a JSON object");
    }
    for (Map.Entry<?, ?> operator : operators.entrySet()) {
      if (!(operator.getValue() instanceof Map<?, ?> keys)) {
        throw new IllegalArgumentException("condition " + operator.getKey() + " is not a JSON object");
      }
      for (Map.Entry<?, ?> key : keys.entrySet()) {
        if (!holds(String.valueOf(operator.getKey()), String.valueOf(key.getKey()), values(key.getValue()),
            context)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean holds(String operator, String key, List<String> expected, Map<String, String> context) {
    boolean ifExists = operator.endsWith("IfExists");
    String base = ifExists ? operator.substring(0, operator.length() - "IfExists".length()) : operator;
    Optional<String> actual = context.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue).findFirst();
    if (base.equals("Null")) {
      return expected.stream().anyMatch(e -> e.equalsIgnoreCase("true") == actual.isEmpty());
    }
    boolean negated = base.contains("Not");
    if (actual.isEmpty()) {
      if (!known(base)) {
        throw new IllegalArgumentException("the fake cannot evaluate the condition operator " + operator);
      }
      return ifExists || negated;
    }
    String value = actual.get();
    return switch (base) {
      case "StringEquals", "ArnEquals" -> expected.contains(value);
      case "StringNotEquals", "ArnNotEquals" -> !expected.contains(value);
      case "StringEqualsIgnoreCase" -> expected.stream().anyMatch(value::equalsIgnoreCase);
      case "StringNotEqualsIgnoreCase" -> expected.stream().noneMatch(value::equalsIgnoreCase);
      case "StringLike", "ArnLike" -> expected.stream().anyMatch(e -> Wildcards.matches(e, value));
      case "StringNotLike", "ArnNotLike" -> expected.stream().noneMatch(e -> Wildcards.matches(e, value));
      case "Bool" -> expected.stream().anyMatch(value::equalsIgnoreCase);
      default -> throw new IllegalArgumentException("the fake cannot evaluate the condition operator " + operator);
    };
  }

  private static boolean known(String base) {
    return List.of("StringEquals", "ArnEquals", "StringNotEquals", "ArnNotEquals", "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase", "StringLike", "ArnLike", "StringNotLike", "ArnNotLike", "Bool").contains(base);
  }

  /** A policy element that is one value or a list of them, as strings; none for an absent element. */
  private static List<String> values(Object element) {
    List<String> values = new ArrayList<>();
    if (element instanceof List<?> list) {
      list.forEach(v -> values.add(text(v)));
    } else if (element != null) {
      values.add(text(element));
    }
    return values;
  }

  private static String text(Object value) {
    if (value instanceof BigDecimal number) {
      return number.toPlainString();
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new IllegalArgumentException("a policy value is an object or a list where a string belongs");
    }
    return value == null ? "" : String.valueOf(value);
  }
}
