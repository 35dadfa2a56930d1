package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.mediapackagecdn.core.model.CacheBehavior;
import io.github.mediapackagecdn.core.model.Distribution;
import io.github.mediapackagecdn.core.model.DistributionConfig;
import io.github.mediapackagecdn.core.model.DistributionId;
import io.github.mediapackagecdn.core.model.DistributionStatus;
import io.github.mediapackagecdn.core.model.Origin;
import java.io.StringWriter;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * CloudFront (rest-xml, 2020-05-31) on WireMock, answering from the distributions the fixture hooks put in it and the
 * adapter's writes, with the status codes and error codes of the API model: {@code DistributionAlreadyExists} 409 on
 * a CallerReference used before, a new ETag on every write, {@code PreconditionFailed} 412 on a stale {@code If-Match},
 * {@code InvalidIfMatchVersion} 400 without one, {@code IllegalUpdate} 400 on a CallerReference change,
 * {@code NoSuchDistribution} 404, {@code NoSuchResource} 404 for the tags of an unknown ARN,
 * {@code DistributionNotDisabled} 409 on a delete of a distribution that is enabled or not deployed. UpdateDistribution
 * replaces the whole configuration, as the API reference says.
 *
 * <p>A configuration is kept as the XML CloudFront answers; members a request leaves out get CloudFront's defaults.
 */
final class CloudFrontWorld {

  static final String ACCOUNT = "123456789012";
  private static final String API = "/2020-05-31";
  private static final Pattern CONFIG = Pattern.compile("<DistributionConfig(?:\\s[^>]*)?>(.*)</DistributionConfig>",
      Pattern.DOTALL);
  private static final Pattern CALLER_REFERENCE = Pattern.compile("<CallerReference>(.*?)</CallerReference>");
  private static final Pattern COMMENT = Pattern.compile("<Comment>.*?</Comment>|<Comment/>", Pattern.DOTALL);
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** What CloudFront fills in for top-level members a configuration leaves out. */
  private static final Map<String, String> DEFAULTS = defaults();

  private final WireMockExtension wm;
  private final Answers answers;
  private final Map<String, Stored> distributions = new LinkedHashMap<>();
  private final Set<String> takenCallerReferences = new HashSet<>();
  private int counter;
  /** Reads before a written distribution deploys by itself; -1: only a hook deploys it. */
  private int readsBeforeDeployedAfterWrite = -1;

  CloudFrontWorld(WireMockExtension wm, Answers answers) {
    this.wm = wm;
    this.answers = answers;
  }

  /** Stubs every CloudFront route the adapters use; the world starts without any distribution. */
  void install() {
    wm.stubFor(post(urlEqualTo(API + "/distribution?WithTags")).willReturn(answers.by(this::create)));
    wm.stubFor(get(urlPathEqualTo(API + "/distribution")).willReturn(answers.by(this::list)));
    wm.stubFor(get(urlPathMatching(API + "/distribution/[^/]+")).willReturn(answers.by(this::getDistribution)));
    wm.stubFor(get(urlPathMatching(API + "/distribution/[^/]+/config")).willReturn(answers.by(this::getConfig)));
    wm.stubFor(put(urlPathMatching(API + "/distribution/[^/]+/config")).willReturn(answers.by(this::update)));
    wm.stubFor(delete(urlPathMatching(API + "/distribution/[^/]+")).willReturn(answers.by(this::deleteDistribution)));
    wm.stubFor(get(urlPathEqualTo(API + "/tagging")).willReturn(answers.by(this::listTags)));
  }

  // ---------------------------------------------------------------- fixture hooks

  /** A distribution created from {@code config} with {@code tags}, now {@code status}; as GetDistribution answers it. */
  synchronized Distribution given(DistributionConfig config, Map<String, String> tags, DistributionStatus status) {
    Stored stored = newDistribution(render(config), tags);
    stored.status = status.wireName();
    stored.modelled = config;
    takenCallerReferences.add(config.callerReference());
    return stored.toCore();
  }

  synchronized void takeCallerReference(String callerReference) {
    takenCallerReferences.add(callerReference);
  }

  /** Someone changes the comment of the distribution: a new ETag, {@code InProgress}; answers it as read now. */
  synchronized Distribution edit(DistributionId id) {
    Stored stored = existing(id);
    stored.config = COMMENT.matcher(stored.config).replaceFirst("<Comment>edited</Comment>");
    stored.written();
    if (stored.modelled != null) {
      stored.modelled = DistributionConfig.builder().from(stored.modelled).comment("edited").build();
    }
    return stored.toCore();
  }

  /** The next UpdateDistribution of {@code id} loses the race: someone edits the distribution just before it. */
  synchronized void loseNextUpdateRace(DistributionId id) {
    existing(id).raceOnNextUpdate = true;
  }

  /**
   * From now on, every distribution is {@code Deployed} from the {@code reads + 1}th GetDistribution after each write
   * (create, update, disable) on: for flows that wait for deployment more than once.
   */
  synchronized void deployAfterReadsFollowingEachWrite(int reads) {
    readsBeforeDeployedAfterWrite = reads;
  }

  /** The {@code InProgress} distribution {@code id} is {@code Deployed} from its second GetDistribution on. */
  synchronized void deployAfterOneRead(DistributionId id) {
    existing(id).readsBeforeDeployed = 1;
  }

  synchronized void untag(DistributionId id, String key) {
    existing(id).tags.remove(key);
  }

  /** Every distribution, in creation order: the tagging API's view. */
  synchronized List<Stored> all() {
    return List.copyOf(distributions.values());
  }

  // ---------------------------------------------------------------- routes

  private synchronized ResponseDefinitionBuilder create(Request request) {
    String body = request.getBodyAsString();
    String config = configOf(body);
    String callerReference = textOf(CALLER_REFERENCE, config);
    if (!takenCallerReferences.add(callerReference)) {
      return error(409, "DistributionAlreadyExists", "The caller reference you attempted to create the distribution "
          + "with is associated with another distribution.");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    Document doc = Wire.xml(body);
    NodeList tagNodes = doc.getElementsByTagName("Tag");
    for (int i = 0; i < tagNodes.getLength(); i++) {
      tags.put(Wire.text(tagNodes.item(i), "Key"), Wire.text(tagNodes.item(i), "Value"));
    }
    Stored stored = newDistribution(config, tags);
    return aResponse().withStatus(201).withHeader("ETag", stored.etag)
        .withHeader("Location", "https://cloudfront.amazonaws.com" + API + "/distribution/" + stored.id)
        .withHeader("Content-Type", "text/xml").withBody(stored.distributionXml());
  }

  private synchronized ResponseDefinitionBuilder getDistribution(Request request) {
    Stored stored = distributions.get(segment(request, 3));
    if (stored == null) {
      return noSuchDistribution();
    }
    if (stored.readsBeforeDeployed == 0) {
      stored.status = DistributionStatus.DEPLOYED.wireName();
    }
    stored.readsBeforeDeployed--;
    return xml(stored.etag, stored.distributionXml());
  }

  private synchronized ResponseDefinitionBuilder getConfig(Request request) {
    Stored stored = distributions.get(segment(request, 3));
    return stored == null ? noSuchDistribution() : xml(stored.etag, configXml(stored.config));
  }

  private synchronized ResponseDefinitionBuilder update(Request request) {
    Stored stored = distributions.get(segment(request, 3));
    if (stored == null) {
      return noSuchDistribution();
    }
    String ifMatch = request.getHeader("If-Match");
    if (ifMatch == null || ifMatch.isBlank()) {
      return error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
    }
    if (stored.raceOnNextUpdate) {
      stored.raceOnNextUpdate = false;
      edit(DistributionId.of(stored.id));
    }
    if (!ifMatch.equals(stored.etag)) {
      return error(412, "PreconditionFailed",
          "The request failed because it didn't meet the preconditions in one or more request-header fields.");
    }
    String config = configOf(request.getBodyAsString());
    if (!textOf(CALLER_REFERENCE, config).equals(textOf(CALLER_REFERENCE, stored.config))) {
      return error(400, "IllegalUpdate", "You cannot update Origin or CallerReference.");
    }
    stored.config = withDefaults(config);
    stored.modelled = null;
    stored.written();
    return xml(stored.etag, stored.distributionXml());
  }

  /**
   * DeleteDistribution: {@code NoSuchDistribution} 404, {@code InvalidIfMatchVersion} 400, {@code PreconditionFailed}
   * 412, and {@code DistributionNotDisabled} 409 unless it is disabled and {@code Deployed}; 204 once deleted. Its
   * CallerReference stays taken.
   */
  private synchronized ResponseDefinitionBuilder deleteDistribution(Request request) {
    Stored stored = distributions.get(segment(request, 3));
    if (stored == null) {
      return noSuchDistribution();
    }
    String ifMatch = request.getHeader("If-Match");
    if (ifMatch == null || ifMatch.isBlank()) {
      return error(400, "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource.");
    }
    if (!ifMatch.equals(stored.etag)) {
      return error(412, "PreconditionFailed",
          "The request failed because it didn't meet the preconditions in one or more request-header fields.");
    }
    boolean disabled = "<Enabled>false</Enabled>".equals(members(stored.config).get("Enabled"));
    if (!disabled || !stored.status.equals(DistributionStatus.DEPLOYED.wireName())) {
      return error(409, "DistributionNotDisabled", "The distribution you are trying to delete has not been disabled.");
    }
    distributions.remove(stored.id);
    return aResponse().withStatus(204).withHeader("x-amz-request-id", "req-cloudfront");
  }

  /** The distribution's configuration as CloudFront holds it now, for assertions on what a write sent. */
  synchronized String configXmlOf(DistributionId id) {
    return configXml(existing(id).config);
  }

  private synchronized ResponseDefinitionBuilder list(Request request) {
    StringBuilder items = new StringBuilder();
    for (Stored stored : distributions.values()) {
      items.append(stored.summaryXml());
    }
    return xml(null, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionList xmlns=\"" + Wire.CLOUDFRONT_NS
        + "\"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>"
        + distributions.size() + "</Quantity>" + (distributions.isEmpty() ? "" : "<Items>" + items + "</Items>")
        + "</DistributionList>");
  }

  private synchronized ResponseDefinitionBuilder listTags(Request request) {
    String arn = request.queryParameter("Resource").firstValue();
    Stored stored = distributions.values().stream().filter(d -> d.arn.equals(arn)).findFirst().orElse(null);
    if (stored == null) {
      return error(404, "NoSuchResource", "The specified CloudFront resource does not exist.");
    }
    StringBuilder items = new StringBuilder();
    stored.tags.forEach((k, v) -> items.append("<Tag><Key>").append(escape(k)).append("</Key><Value>")
        .append(escape(v)).append("</Value></Tag>"));
    return xml(null, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Tags xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
        + (stored.tags.isEmpty() ? "" : "<Items>" + items + "</Items>") + "</Tags>");
  }

  // ---------------------------------------------------------------- state

  private Stored newDistribution(String config, Map<String, String> tags) {
    counter++;
    Stored stored = new Stored(String.format("EWIRE%09d", counter), String.format("dwire%09d.cloudfront.net", counter));
    stored.config = withDefaults(config);
    stored.tags.putAll(tags);
    stored.everTagged.addAll(tags.keySet());
    stored.written();
    distributions.put(stored.id, stored);
    return stored;
  }

  private Stored existing(DistributionId id) {
    Stored stored = distributions.get(id.value());
    if (stored == null) {
      throw new IllegalStateException("no distribution " + id + " in the wire world");
    }
    return stored;
  }

  private String newEtag() {
    counter++;
    return String.format("EWIRETAG%06d", counter);
  }

  /** One distribution as CloudFront keeps it. */
  final class Stored {
    final String id;
    final String arn;
    final String domainName;
    String status = DistributionStatus.IN_PROGRESS.wireName();
    String etag;
    Instant lastModified;
    String config;
    /** The configuration a hook gave, while no write replaced it. */
    DistributionConfig modelled;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** Every tag key the distribution ever had: the tagging API keeps returning a resource for a key it lost. */
    final Set<String> everTagged = new LinkedHashSet<>();
    boolean raceOnNextUpdate;
    int readsBeforeDeployed = -1;

    Stored(String id, String domainName) {
      this.id = id;
      this.arn = "arn:aws:cloudfront::" + ACCOUNT + ":distribution/" + id;
      this.domainName = domainName;
    }

    void written() {
      etag = newEtag();
      status = DistributionStatus.IN_PROGRESS.wireName();
      lastModified = EPOCH.plusSeconds(counter);
      if (readsBeforeDeployedAfterWrite >= 0) {
        readsBeforeDeployed = readsBeforeDeployedAfterWrite;
      }
    }

    String distributionXml() {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Distribution xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
          + "<Id>" + id + "</Id><ARN>" + arn + "</ARN><Status>" + status + "</Status>"
          + "<LastModifiedTime>" + lastModified + "</LastModifiedTime>"
          + "<InProgressInvalidationBatches>0</InProgressInvalidationBatches><DomainName>" + domainName + "</DomainName>"
          + "<ActiveTrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedSigners>"
          + "<ActiveTrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></ActiveTrustedKeyGroups>"
          + "<DistributionConfig>" + config + "</DistributionConfig></Distribution>";
    }

    String summaryXml() {
      Map<String, String> members = members(config);
      StringBuilder summary = new StringBuilder("<DistributionSummary><Id>").append(id).append("</Id><ARN>").append(arn)
          .append("</ARN><ETag>").append(etag).append("</ETag><Status>").append(status).append("</Status>")
          .append("<LastModifiedTime>").append(lastModified).append("</LastModifiedTime><DomainName>")
          .append(domainName).append("</DomainName>");
      for (String name : List.of("Aliases", "Origins", "OriginGroups", "DefaultCacheBehavior", "CacheBehaviors",
          "CustomErrorResponses", "Comment", "PriceClass", "Enabled", "ViewerCertificate", "Restrictions", "WebACLId",
          "HttpVersion", "IsIPV6Enabled", "Staging")) {
        summary.append(members.getOrDefault(name, ""));
      }
      return summary.append("</DistributionSummary>").toString();
    }

    Distribution toCore() {
      if (modelled == null) {
        throw new IllegalStateException("distribution " + id + " was written over the wire; read it through the port");
      }
      return Distribution.builder()
          .id(DistributionId.of(id))
          .arn(arn)
          .domainName(domainName)
          .status(DistributionStatus.fromWire(status))
          .etag(etag)
          .config(modelled)
          .lastModified(lastModified)
          .build();
    }
  }

  // ---------------------------------------------------------------- XML

  private static ResponseDefinitionBuilder xml(String etag, String body) {
    ResponseDefinitionBuilder response = aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
        .withHeader("x-amz-request-id", "req-cloudfront").withBody(body);
    return etag == null ? response : response.withHeader("ETag", etag);
  }

  private static ResponseDefinitionBuilder noSuchDistribution() {
    return error(404, "NoSuchDistribution", "The specified distribution does not exist.");
  }

  private static ResponseDefinitionBuilder error(int status, String code, String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
        .withHeader("x-amz-request-id", "req-" + code).withBody(Wire.cloudFrontError(code, message, "req-" + code));
  }

  private static String configXml(String config) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DistributionConfig xmlns=\"" + Wire.CLOUDFRONT_NS + "\">"
        + config + "</DistributionConfig>";
  }

  private static String configOf(String body) {
    Matcher m = CONFIG.matcher(body);
    if (!m.find()) {
      throw new IllegalArgumentException("no DistributionConfig in " + body);
    }
    return m.group(1);
  }

  private static String textOf(Pattern pattern, String xml) {
    Matcher m = pattern.matcher(xml);
    return m.find() ? m.group(1) : "";
  }

  private static String segment(Request request, int index) {
    String path = request.getUrl().split("\\?")[0];
    return path.split("/")[index];
  }

  /** The top-level members of a configuration, by name, as XML text. */
  private static Map<String, String> members(String config) {
    Document doc = Wire.xml("<DistributionConfig>" + config + "</DistributionConfig>");
    Map<String, String> members = new LinkedHashMap<>();
    NodeList children = doc.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.ELEMENT_NODE) {
        members.put(child.getNodeName(), serialize(child));
      }
    }
    return members;
  }

  private static String serialize(Node node) {
    try {
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(node), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String withDefaults(String config) {
    Map<String, String> members = members(config);
    StringBuilder filled = new StringBuilder(config);
    DEFAULTS.forEach((name, xml) -> {
      if (!members.containsKey(name)) {
        filled.append(xml);
      }
    });
    return filled.toString();
  }

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    defaults.put("Aliases", "<Aliases><Quantity>0</Quantity></Aliases>");
    defaults.put("DefaultRootObject", "<DefaultRootObject></DefaultRootObject>");
    defaults.put("OriginGroups", "<OriginGroups><Quantity>0</Quantity></OriginGroups>");
    defaults.put("CacheBehaviors", "<CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>");
    defaults.put("CustomErrorResponses", "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>");
    defaults.put("Logging", "<Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket>"
        + "<Prefix></Prefix></Logging>");
    defaults.put("PriceClass", "<PriceClass>PriceClass_All</PriceClass>");
    defaults.put("ViewerCertificate", "<ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>"
        + "<SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>"
        + "<CertificateSource>cloudfront</CertificateSource></ViewerCertificate>");
    defaults.put("Restrictions", "<Restrictions><GeoRestriction><RestrictionType>none</RestrictionType>"
        + "<Quantity>0</Quantity></GeoRestriction></Restrictions>");
    defaults.put("WebACLId", "<WebACLId></WebACLId>");
    defaults.put("HttpVersion", "<HttpVersion>http2</HttpVersion>");
    defaults.put("IsIPV6Enabled", "<IsIPV6Enabled>true</IsIPV6Enabled>");
    defaults.put("ContinuousDeploymentPolicyId", "<ContinuousDeploymentPolicyId></ContinuousDeploymentPolicyId>");
    defaults.put("Staging", "<Staging>false</Staging>");
    return Map.copyOf(defaults);
  }

  /**
   * A configuration as CloudFront answers it, in the API model's member order: the modelled fields, and CloudFront's
   * values for the rest (custom origins on ports 80/443 with read 30 s and keep-alive 5 s, no logging, the default
   * certificate).
   */
  static String render(DistributionConfig config) {
    StringBuilder xml = new StringBuilder();
    xml.append(element("CallerReference", config.callerReference()));
    xml.append(list("Aliases", "CNAME", config.aliases()));
    xml.append("<DefaultRootObject></DefaultRootObject>");
    xml.append("<Origins><Quantity>").append(config.origins().size()).append("</Quantity><Items>");
    config.origins().forEach(o -> xml.append(origin(o)));
    xml.append("</Items></Origins><OriginGroups><Quantity>0</Quantity></OriginGroups>");
    xml.append(behavior("DefaultCacheBehavior", config.defaultBehavior(), false));
    xml.append("<CacheBehaviors><Quantity>").append(config.cacheBehaviors().size()).append("</Quantity>");
    if (!config.cacheBehaviors().isEmpty()) {
      xml.append("<Items>");
      config.cacheBehaviors().forEach(b -> xml.append(behavior("CacheBehavior", b, true)));
      xml.append("</Items>");
    }
    xml.append("</CacheBehaviors>");
    xml.append("<CustomErrorResponses><Quantity>").append(config.errorCachingMinTtl().size()).append("</Quantity>");
    if (!config.errorCachingMinTtl().isEmpty()) {
      xml.append("<Items>");
      config.errorCachingMinTtl().forEach((code, ttl) -> xml.append("<CustomErrorResponse><ErrorCode>").append(code)
          .append("</ErrorCode><ResponsePagePath></ResponsePagePath><ResponseCode></ResponseCode><ErrorCachingMinTTL>")
          .append(ttl).append("</ErrorCachingMinTTL></CustomErrorResponse>"));
      xml.append("</Items>");
    }
    xml.append("</CustomErrorResponses>");
    xml.append(element("Comment", config.comment()));
    xml.append(DEFAULTS.get("Logging"));
    xml.append(element("PriceClass", config.priceClass()));
    xml.append(element("Enabled", String.valueOf(config.enabled())));
    xml.append(DEFAULTS.get("ViewerCertificate")).append(DEFAULTS.get("Restrictions"));
    xml.append(element("WebACLId", config.webAclId()));
    xml.append(element("HttpVersion", config.httpVersion()));
    xml.append(element("IsIPV6Enabled", String.valueOf(config.ipv6Enabled())));
    xml.append(DEFAULTS.get("ContinuousDeploymentPolicyId")).append(DEFAULTS.get("Staging"));
    return xml.toString();
  }

  private static String origin(Origin origin) {
    StringBuilder xml = new StringBuilder("<Origin>").append(element("Id", origin.id()))
        .append(element("DomainName", origin.domainName())).append(element("OriginPath", origin.originPath()))
        .append("<CustomHeaders><Quantity>").append(origin.customHeaders().size()).append("</Quantity>");
    if (!origin.customHeaders().isEmpty()) {
      xml.append("<Items>");
      origin.customHeaders().forEach((name, value) -> xml.append("<OriginCustomHeader>").append(element("HeaderName", name))
          .append(element("HeaderValue", value)).append("</OriginCustomHeader>"));
      xml.append("</Items>");
    }
    xml.append("</CustomHeaders>");
    if (origin.protocolPolicy().isPresent()) {
      xml.append("<CustomOriginConfig><HTTPPort>80</HTTPPort><HTTPSPort>443</HTTPSPort>")
          .append(element("OriginProtocolPolicy", origin.protocolPolicy().get().wireName()))
          .append(list("OriginSslProtocols", "SslProtocol", origin.sslProtocols()))
          .append("<OriginReadTimeout>30</OriginReadTimeout><OriginKeepaliveTimeout>5</OriginKeepaliveTimeout>")
          .append("</CustomOriginConfig>");
    } else {
      xml.append("<S3OriginConfig><OriginAccessIdentity></OriginAccessIdentity></S3OriginConfig>");
    }
    return xml.append("<ConnectionAttempts>3</ConnectionAttempts><ConnectionTimeout>10</ConnectionTimeout></Origin>")
        .toString();
  }

  private static String behavior(String element, CacheBehavior behavior, boolean withPathPattern) {
    StringBuilder xml = new StringBuilder("<").append(element).append('>');
    if (withPathPattern) {
      xml.append(element("PathPattern", behavior.pathPattern()));
    }
    xml.append(element("TargetOriginId", behavior.targetOriginId()))
        .append("<TrustedSigners><Enabled>false</Enabled><Quantity>0</Quantity></TrustedSigners>")
        .append("<TrustedKeyGroups><Enabled>false</Enabled><Quantity>0</Quantity></TrustedKeyGroups>")
        .append(element("ViewerProtocolPolicy", behavior.viewerProtocolPolicy().wireName()))
        .append("<AllowedMethods><Quantity>").append(behavior.allowedMethods().size()).append("</Quantity><Items>");
    behavior.allowedMethods().forEach(m -> xml.append(element("Method", m)));
    xml.append("</Items>");
    if (!behavior.cachedMethods().isEmpty()) {
      xml.append(list("CachedMethods", "Method", behavior.cachedMethods()));
    }
    xml.append("</AllowedMethods>")
        .append(element("SmoothStreaming", String.valueOf(behavior.smoothStreaming())))
        .append(element("Compress", String.valueOf(behavior.compress())))
        .append("<LambdaFunctionAssociations><Quantity>0</Quantity></LambdaFunctionAssociations>")
        .append("<FunctionAssociations><Quantity>0</Quantity></FunctionAssociations>")
        .append("<FieldLevelEncryptionId></FieldLevelEncryptionId>");
    behavior.cachePolicyId().ifPresent(id -> xml.append(element("CachePolicyId", id)));
    behavior.originRequestPolicyId().ifPresent(id -> xml.append(element("OriginRequestPolicyId", id)));
    if (behavior.cachePolicyId().isEmpty()) {
      xml.append("<ForwardedValues><QueryString>false</QueryString><Cookies><Forward>none</Forward></Cookies>"
          + "</ForwardedValues><MinTTL>0</MinTTL><DefaultTTL>86400</DefaultTTL><MaxTTL>31536000</MaxTTL>");
    }
    return xml.append("</").append(element).append('>').toString();
  }

  private static String list(String element, String item, List<String> values) {
    StringBuilder xml = new StringBuilder("<").append(element).append("><Quantity>").append(values.size())
        .append("</Quantity>");
    if (!values.isEmpty()) {
      xml.append("<Items>");
      values.forEach(v -> xml.append(element(item, v)));
      xml.append("</Items>");
    }
    return xml.append("</").append(element).append('>').toString();
  }

  private static String element(String name, String text) {
    return "<" + name + ">" + escape(text) + "</" + name + ">";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
