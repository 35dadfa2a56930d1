package io.github.mediapackagecdn.core.v2.provisioning;

import io.github.mediapackagecdn.core.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The endpoint policy rule, pure: the library's statement lets {@code cloudfront.amazonaws.com} call
 * {@code mediapackagev2:GetObject} and {@code mediapackagev2:GetHeadObject} on the endpoint, only for the
 * distribution ({@code aws:SourceArn}), and is merged into the user's policy keeping every other statement as it was.
 * An endpoint with CDN authorization also gets the statement AWS documents for it (MediaPackage user guide,
 * cdn-auth-setup): {@code mediapackagev2:GetObject} allowed when {@code mediapackagev2:RequestHasMatchingCdnAuthHeader}
 * is true, without which the {@code CdnAuthConfiguration} does nothing; it goes when the authorization goes. The
 * library never writes a public policy: a statement allowing everyone without a condition is refused.
 */
final class EndpointPolicies {

  /** The {@code Sid} of the library's statement: the one statement it replaces. */
  static final String SID = "MediaPackageCdnAllowCloudFront";

  static final String VERSION = "2012-10-17";

  static final List<String> ACTIONS = List.of("mediapackagev2:GetObject", "mediapackagev2:GetHeadObject");

  static final String SERVICE_PRINCIPAL = "cloudfront.amazonaws.com";

  /** The {@code Sid} of the library's CDN authorization statement: the one it adds, replaces and removes. */
  static final String CDN_AUTHORIZATION_SID = "MediaPackageCdnAllowCdnAuthorizedRequests";

  /** The condition key MediaPackage v2 sets when a request's CDN identifier header matches a secret. */
  static final String CDN_AUTHORIZATION_CONDITION_KEY = "mediapackagev2:RequestHasMatchingCdnAuthHeader";

  private EndpointPolicies() {}

  /** The library's statement for the endpoint and the distribution. */
  static Map<String, Object> statement(String endpointArn, String distributionArn) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", SID);
    statement.put("Effect", "Allow");
    statement.put("Principal", Map.of("Service", SERVICE_PRINCIPAL));
    statement.put("Action", ACTIONS);
    statement.put("Resource", endpointArn);
    statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceArn", distributionArn)));
    return statement;
  }

  /**
   * The library's CDN authorization statement, as the user guide gives it: everyone ({@code Principal *}) may call
   * {@code mediapackagev2:GetObject} on the endpoint when the request's CDN identifier header matches a secret.
   */
  static Map<String, Object> cdnAuthorizationStatement(String endpointArn) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", CDN_AUTHORIZATION_SID);
    statement.put("Effect", "Allow");
    statement.put("Principal", "*");
    statement.put("Action", "mediapackagev2:GetObject");
    statement.put("Resource", endpointArn);
    statement.put("Condition", Map.of("Bool", Map.of(CDN_AUTHORIZATION_CONDITION_KEY, "true")));
    return statement;
  }

  /**
   * The policy document with the library's statements, or empty when {@code existing} already means that
   * ({@link #sameMeaning}: however MediaPackage wrote it back). Every
   * statement of the existing policy is kept, in order; the library's own (by {@code Sid}) are replaced in place or
   * appended: the CloudFront statement always, the CDN authorization statement when {@code cdnAuthorization}, which
   * is otherwise removed (only the library's, by its {@code Sid}).
   *
   * @throws ValidationException when the existing policy is not a JSON object with a {@code Statement}
   * @throws ValidationException also when a statement allows everyone ({@code Principal *}) without a condition
   */
  static Optional<String> merged(Optional<String> existing, String endpointArn, String distributionArn,
      boolean cdnAuthorization) {
    Map<String, Object> document = new LinkedHashMap<>();
    List<Object> statements;
    if (existing.isPresent() && !existing.get().isBlank()) {
      statements = read(existing.get(), document);
    } else {
      statements = new ArrayList<>();
      document.put("Version", VERSION);
    }
    refusePublic(statements, endpointArn);
    Object before = meaning(statements);
    put(statements, statement(endpointArn, distributionArn));
    if (cdnAuthorization) {
      put(statements, cdnAuthorizationStatement(endpointArn));
    } else {
      statements.removeIf(s -> s instanceof Map<?, ?> m && CDN_AUTHORIZATION_SID.equals(m.get("Sid")));
    }
    if (existing.isPresent() && !existing.get().isBlank() && meaning(statements).equals(before)) {
      return Optional.empty(); // the same policy, however it was written
    }
    document.put("Statement", statements);
    return Optional.of(Json.write(document));
  }

  /**
   * What the policy lacks for the distribution to read the endpoint, in words, for the fleet audit: no policy, no
   * statement of the library's, a statement naming another distribution's ARN, or one that is not what
   * {@link #merged} would write (with {@code cdnAuthorization}: AWS's statement for it missing); empty when it has
   * everything. A policy {@link #merged} would refuse says why.
   */
  static Optional<String> lacking(Optional<String> existing, String endpointArn, String distributionArn,
      boolean cdnAuthorization) {
    if (existing.isEmpty() || existing.get().isBlank()) {
      return Optional.of("it has no policy: no statement lets the distribution read it");
    }
    try {
      if (merged(existing, endpointArn, distributionArn, cdnAuthorization).isEmpty()) {
        return Optional.empty();
      }
      Optional<Map<?, ?>> own = statementList(Json.parse(existing.get())).stream()
          .filter(st -> st instanceof Map<?, ?> m && SID.equals(m.get("Sid"))).<Map<?, ?>>map(st -> (Map<?, ?>) st)
          .findFirst();
      if (own.isEmpty()) {
        return Optional.of("its policy has no statement " + SID + " letting the distribution read it");
      }
      Object source = own.get().get("Condition") instanceof Map<?, ?> condition
          && condition.get("StringEquals") instanceof Map<?, ?> equals ? equals.get("aws:SourceArn") : null;
      if (source != null && !List.of(distributionArn).equals(values(source))) {
        return Optional.of("its statement " + SID + " names " + source + ", not " + distributionArn);
      }
      return Optional.of("its statement " + SID + (cdnAuthorization ? " or AWS's statement for CDN authorization ("
          + CDN_AUTHORIZATION_SID + ")" : "") + " is not the library's");
    } catch (ValidationException e) {
      return Optional.of("its policy cannot be merged: " + e.getMessage());
    }
  }

  /**
   * Why the policy does not let the distribution read the endpoint, in words, for details and the wait: no policy, a
   * statement that denies {@code cloudfront.amazonaws.com} {@code mediapackagev2:GetObject} without a condition (a Deny
   * wins), or no statement that means the library's ({@link #statement}, by meaning as {@link #sameMeaning} compares,
   * whatever its {@code Sid}); empty when it does. Other statements, the user's, are not judged: a statement of the
   * user's that allows CloudFront otherwise is not recognized, and a Deny with a condition is not evaluated.
   */
  static Optional<String> whyNotAllowed(Optional<String> existing, String endpointArn, String distributionArn) {
    if (existing.isEmpty() || existing.get().isBlank()) {
      return Optional.of("it has no endpoint policy, so MediaPackage refuses every request: no statement lets"
          + " distribution " + distributionArn + " read it");
    }
    List<?> statements;
    try {
      Object document = Json.parse(existing.get());
      if (!(document instanceof Map<?, ?>)) {
        return Optional.of("its endpoint policy is not a JSON object");
      }
      statements = statementList(document);
    } catch (ValidationException e) {
      return Optional.of("its endpoint policy cannot be read: " + e.getMessage());
    }
    Map<String, Object> wanted = withoutSid(statement(statement(endpointArn, distributionArn)));
    boolean allowed = false;
    for (Object each : statements) {
      if (!(each instanceof Map<?, ?> st)) {
        continue;
      }
      if ("Deny".equals(st.get("Effect")) && st.get("Condition") == null && deniesCloudFront(st)) {
        return Optional.of("its endpoint policy's statement " + (st.get("Sid") == null ? "(no Sid)" : st.get("Sid"))
            + " denies " + SERVICE_PRINCIPAL + " mediapackagev2:GetObject (a Deny wins over the library's Allow)");
      }
      allowed |= withoutSid(statement(st)).equals(wanted);
    }
    if (allowed) {
      return Optional.empty();
    }
    return Optional.of("its endpoint policy does not let distribution " + distributionArn + " read it ("
        + lacking(existing, endpointArn, distributionArn, false).orElse("no statement means the library's " + SID)
        + "), so MediaPackage refuses CloudFront's requests");
  }

  /**
   * Whether a statement of the policy has a condition on {@code mediapackagev2:RequestHasMatchingCdnAuthHeader}: with a
   * {@code CdnAuthConfiguration}, MediaPackage then checks the CDN identifier header of each request. A document that
   * is not JSON has none.
   */
  static boolean gatesOnCdnAuthHeader(String document) {
    try {
      return statementList(Json.parse(document)).stream().anyMatch(st -> st instanceof Map<?, ?> m
          && m.get("Condition") instanceof Map<?, ?> operators && operators.values().stream()
              .anyMatch(keys -> keys instanceof Map<?, ?> k && k.keySet().stream()
                  .anyMatch(key -> CDN_AUTHORIZATION_CONDITION_KEY.equalsIgnoreCase(String.valueOf(key)))));
    } catch (ValidationException e) {
      return false;
    }
  }

  private static Map<String, Object> withoutSid(Map<String, Object> meaning) {
    meaning.remove("Sid");
    return meaning;
  }

  /** Whether a statement names CloudFront's service principal (or everyone) and an action covering GetObject. */
  private static boolean deniesCloudFront(Map<?, ?> statement) {
    Object principal = statement.get("Principal");
    boolean cloudFront = everyone(principal) || (principal instanceof Map<?, ?> map && map.get("Service") != null
        && values(map.get("Service")) instanceof List<?> services && services.contains(SERVICE_PRINCIPAL));
    Object action = statement.get("Action");
    boolean getObject = action != null && values(action) instanceof List<?> actions && actions.stream()
        .map(a -> String.valueOf(a).toLowerCase(Locale.ROOT))
        .anyMatch(a -> a.equals("*") || a.equals("mediapackagev2:*") || a.equals("mediapackagev2:getobject"));
    return cloudFront && getObject;
  }

  /** The statements of a parsed policy document, as a list; empty when it has none. */
  private static List<?> statementList(Object document) {
    Object statements = document instanceof Map<?, ?> map ? map.get("Statement") : null;
    return statements instanceof List<?> list ? list : statements == null ? List.of() : List.of(statements);
  }

  /**
   * Whether two policy documents mean the same, as IAM reads them, whatever their text: the order of an object's keys,
   * white space, the order of the statements, a {@code Statement} object or a list of one, and, in the members IAM
   * takes as a string or a list of strings ({@code Action}, {@code NotAction}, {@code Resource}, {@code NotResource},
   * each principal's values, each condition key's values), a list of one value and that value, the order of the
   * values, and a number or boolean and its text ({@code true} and {@code "true"}); condition key names compare
   * without case (IAM's condition keys are not case-sensitive). Anything else compares exactly.
   *
   * @throws ValidationException when a document is not JSON
   */
  static boolean sameMeaning(String one, String other) {
    return meaning(Json.parse(one)).equals(meaning(Json.parse(other)));
  }

  /** {@code value} in the form {@link #sameMeaning} compares: a policy document, or its list of statements. */
  static Object meaning(Object value) {
    if (value instanceof List<?> statements) {
      return statements(statements);
    }
    if (!(value instanceof Map<?, ?> document)) {
      return plain(value);
    }
    Map<String, Object> meaning = new TreeMap<>();
    document.forEach((key, member) -> meaning.put((String) key, "Statement".equals(key) && member != null
        ? statements(member instanceof List<?> list ? list : List.of(member)) : plain(member)));
    return meaning;
  }

  /** The statements as a sorted list of their meanings: the order of a policy's statements means nothing. */
  private static List<String> statements(List<?> statements) {
    List<String> meanings = new ArrayList<>();
    for (Object statement : statements) {
      meanings.add(Json.write(statement instanceof Map<?, ?> map ? statement(map) : plain(statement)));
    }
    meanings.sort(null);
    return meanings;
  }

  private static Map<String, Object> statement(Map<?, ?> statement) {
    Map<String, Object> meaning = new TreeMap<>();
    statement.forEach((key, value) -> meaning.put((String) key, switch ((String) key) {
      case "Action", "NotAction", "Resource", "NotResource" -> values(value);
      case "Principal", "NotPrincipal" -> value instanceof Map<?, ?> principals ? keyed(principals, false)
          : plain(value);
      case "Condition" -> {
        Map<String, Object> operators = new TreeMap<>();
        if (value instanceof Map<?, ?> conditions) {
          conditions.forEach((operator, keys) -> operators.put((String) operator,
              keys instanceof Map<?, ?> map ? keyed(map, true) : plain(keys)));
          yield operators;
        }
        yield plain(value);
      }
      default -> plain(value);
    }));
    return meaning;
  }

  /** Each key's values as a set ({@link #values}), keys sorted, in lower case for condition keys. */
  private static Map<String, Object> keyed(Map<?, ?> map, boolean ignoreCase) {
    Map<String, Object> meaning = new TreeMap<>();
    map.forEach((key, values) -> meaning.put(ignoreCase ? ((String) key).toLowerCase(Locale.ROOT) : (String) key,
        values(values)));
    return meaning;
  }

  /** A string or a list of them as the sorted list of their texts; anything else as it is. */
  private static Object values(Object value) {
    List<?> list = value instanceof List<?> l ? l : List.of(value == null ? "null" : value);
    if (list.stream().anyMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>)) {
      return plain(value);
    }
    return list.stream().map(v -> v instanceof Json.Number n ? n.text() : String.valueOf(v)).sorted().distinct()
        .toList();
  }

  /** {@code value} with its objects' keys sorted, at every depth. */
  private static Object plain(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, member) -> sorted.put((String) key, plain(member)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(EndpointPolicies::plain).toList();
    }
    return value;
  }

  /**
   * Reads the policy document {@code text} into {@code document} (its members, in order) and answers its statements,
   * as a list to change: put it back as the document's {@code Statement} to write it.
   *
   * @throws ValidationException when the policy is not a JSON object, or its {@code Statement} is neither an object nor
   *     a list
   */
  static List<Object> read(String text, Map<String, Object> document) {
    if (!(Json.parse(text) instanceof Map<?, ?> read)) {
      throw new ValidationException("the endpoint policy is not a JSON object");
    }
    read.forEach((key, value) -> document.put((String) key, value));
    Object given = document.get("Statement");
    List<Object> statements = new ArrayList<>();
    if (given instanceof List<?> list) {
      statements.addAll(list);
    } else if (given instanceof Map<?, ?>) {
      statements.add(given);
    } else if (given != null) {
      throw new ValidationException("the endpoint policy's Statement is neither an object nor a list");
    }
    return statements;
  }

  /** Replaces the statement with {@code statement}'s {@code Sid} (the last one) in place, or appends it. */
  private static void put(List<Object> statements, Map<String, Object> statement) {
    int index = -1;
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i) instanceof Map<?, ?> s && statement.get("Sid").equals(s.get("Sid"))) {
        index = i;
      }
    }
    if (index >= 0) {
      statements.set(index, statement);
    } else {
      statements.add(statement);
    }
  }

  /** Refuses a statement that allows everyone without a condition: the library never writes a public policy. */
  static void refusePublic(List<Object> statements, String endpointArn) {
    List<String> everyone = new ArrayList<>();
    for (Object statement : statements) {
      if (statement instanceof Map<?, ?> s && "Allow".equals(s.get("Effect")) && s.get("Condition") == null
          && everyone(s.get("Principal"))) {
        everyone.add(s.get("Sid") == null ? "(no Sid)" : String.valueOf(s.get("Sid")));
      }
    }
    if (!everyone.isEmpty()) {
      throw new ValidationException("the policy of endpoint " + endpointArn + " allows everyone (Principal"
          + " \"*\" without a condition) in statements " + everyone + "; the library never writes a public policy:"
          + " remove them, CloudFront reaches the endpoint through its own statement");
    }
  }

  private static boolean everyone(Object principal) {
    if ("*".equals(principal)) {
      return true;
    }
    if (principal instanceof Map<?, ?> map) {
      Object aws = map.get("AWS");
      return "*".equals(aws) || (aws instanceof List<?> list && list.contains("*"));
    }
    return false;
  }
}
