package io.github.mediapackagecdn.core.v2.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.mediapackagecdn.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void readAndWritten_aDocumentKeepsOrderNumbersAndEscapes() {
    String text = "{\"b\":1,\"a\":[true,false,null,-2.5e3],\"s\":\"q\\\"\\\\\\n\\t\\u0001é\",\"o\":{}}";

    assertThat(Json.write(Json.parse(text))).isEqualTo(text);
  }

  @Test
  void whitespace_isDropped_escapesAreRead() {
    assertThat(Json.write(Json.parse(" { \"a\" : [ 1 , \"\\u0041\\/\" ] } "))).isEqualTo("{\"a\":[1,\"A/\"]}");
  }

  @Test
  void brokenDocuments_areValidationErrors() {
    for (String broken : new String[] {"", "{", "{\"a\"}", "[1,]", "\"open", "tru", "{} x", "{1:2}", "\"\\u12\"",
        "[1}", "{\"a\":1]", "[[1}]"}) {
      assertThatThrownBy(() -> Json.parse(broken)).as(broken).isInstanceOf(ValidationException.class);
    }
  }
}
