package io.github.mediapackagecdn.aws;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;

/**
 * What a rest-xml body holds that the SDK object parsed from it does not: elements the SDK model has no member for
 * (the SDK's parser skips them without a word), list items it did not keep, values it holds differently. Writing the
 * object back would drop or change each of them.
 *
 * <p>The body is walked together with the object's {@link SdkPojo#sdkFields()}, element by element at every depth,
 * by the members' XML names. A value is held when the SDK's text for it is the body's (numbers and booleans by value);
 * an enum value the model does not list is held too, since the SDK keeps and writes back its text. Anything this walk
 * cannot compare (a flattened list, a map, XML attributes, text beside elements) counts as not held: the check may
 * refuse a configuration it could have written, never the other way round.
 */
final class UnmodelledSettings {

  private UnmodelledSettings() {}

  /**
   * The path of each element or value of {@code xml} that {@code parsed} does not hold, in document order, starting
   * with the root element's name (for example {@code DistributionConfig/Origins/Items/Origin[2]/FutureSetting});
   * empty when writing {@code parsed} back drops nothing.
   *
   * @throws IllegalArgumentException when {@code xml} is not an XML document
   */
  static List<String> of(byte[] xml, SdkPojo parsed) {
    Element root = parse(xml).getDocumentElement();
    List<String> unheld = new ArrayList<>();
    structure(root, parsed, name(root), unheld);
    return List.copyOf(unheld);
  }

  private static void structure(Element element, SdkPojo pojo, String path, List<String> unheld) {
    attributes(element, path, unheld);
    Map<String, SdkField<?>> members = new HashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.location() == MarshallLocation.PAYLOAD) {
        members.put(field.unmarshallLocationName(), field);
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        String childPath = path + "/" + name(e);
        SdkField<?> field = members.get(name(e));
        if (field == null) {
          unheld.add(childPath);
        } else {
          value(e, field, field.getValueOrDefault(pojo), childPath, unheld);
        }
      } else if (isText(child) && !child.getNodeValue().isBlank()) {
        unheld.add(path + "/text()");
      }
    }
  }

  private static void value(Element element, SdkField<?> field, Object value, String path, List<String> unheld) {
    if (value == null) {
      unheld.add(path); // the SDK has no value for an element CloudFront sent
      return;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      structure(element, (SdkPojo) value, path, unheld);
    } else if (type == MarshallingType.LIST) {
      list(element, field.getRequiredTrait(ListTrait.class), (List<?>) value, path, unheld);
    } else if (type == MarshallingType.STRING || type == MarshallingType.BOOLEAN || isNumber(type)) {
      scalar(element, type, value, path, unheld);
    } else {
      unheld.add(path); // a map, a timestamp, bytes, a document: none is in CloudFront's configuration today
    }
  }

  private static void list(Element element, ListTrait trait, List<?> items, String path, List<String> unheld) {
    attributes(element, path, unheld);
    if (trait.isFlattened()) {
      unheld.add(path);
      return;
    }
    String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
    int index = 0;
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        if (!name(e).equals(memberName)) {
          unheld.add(path + "/" + name(e));
          continue;
        }
        index++;
        String itemPath = path + "/" + memberName + "[" + index + "]";
        if (index > items.size()) {
          unheld.add(itemPath);
        } else {
          value(e, trait.memberFieldInfo(), items.get(index - 1), itemPath, unheld);
        }
      } else if (isText(child) && !child.getNodeValue().isBlank()) {
        unheld.add(path + "/text()");
      }
    }
  }

  private static void scalar(Element element, MarshallingType<?> type, Object value, String path,
      List<String> unheld) {
    attributes(element, path, unheld);
    NodeList children = element.getChildNodes();
    boolean nested = false;
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e) {
        unheld.add(path + "/" + name(e));
        nested = true;
      }
    }
    if (nested) {
      return;
    }
    String text = element.getTextContent();
    boolean held;
    if (type == MarshallingType.STRING) {
      held = text.equals(value);
    } else if (type == MarshallingType.BOOLEAN) {
      held = text.strip().equalsIgnoreCase(value.toString());
    } else {
      held = sameNumber(text.strip(), value.toString());
    }
    if (!held) {
      unheld.add(path);
    }
  }

  private static boolean sameNumber(String text, String value) {
    try {
      return new BigDecimal(text).compareTo(new BigDecimal(value)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isNumber(MarshallingType<?> type) {
    return type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
        || type == MarshallingType.BYTE || type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE
        || type == MarshallingType.BIG_DECIMAL;
  }

  /** Namespace declarations are the envelope; any other attribute is a setting the SDK's model does not have. */
  private static void attributes(Element element, String path, List<String> unheld) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
        unheld.add(path + "/@" + attribute.getName());
      }
    }
  }

  private static boolean isText(Node node) {
    return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
  }

  private static String name(Element element) {
    return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
  }

  private static org.w3c.dom.Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      factory.setXIncludeAware(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // throws on fatal errors, prints nothing
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalArgumentException("the response body is not an XML document: " + e.getMessage(), e);
    }
  }
}
