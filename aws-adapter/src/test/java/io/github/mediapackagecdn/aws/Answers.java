package io.github.mediapackagecdn.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A WireMock extension whose stubs answer with a Java function of the request: how the contract tests' wire worlds
 * answer from the state their fixture hooks arranged, the way AWS answers from its state.
 */
final class Answers implements ResponseDefinitionTransformerV2 {

  static final String NAME = "contract-answers";
  private static final String PARAMETER = "answer";

  private final Map<String, Function<Request, ResponseDefinitionBuilder>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  /** A WireMock server on a dynamic port that knows {@code answers}. */
  static WireMockExtension extension(Answers answers) {
    return WireMockExtension.newInstance()
        .options(WireMockConfiguration.wireMockConfig().dynamicPort().extensions(answers))
        .build();
  }

  /** A response computed by {@code answer} each time the stub it is given to matches. */
  ResponseDefinitionBuilder by(Function<Request, ResponseDefinitionBuilder> answer) {
    String key = "answer-" + next.incrementAndGet();
    answers.put(key, answer);
    return aResponse().withTransformers(NAME).withTransformerParameter(PARAMETER, key);
  }

  /** Forgets every answer: the stubs that used them are reset with the server's between tests. */
  void clear() {
    answers.clear();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    String key = event.getTransformerParameters().getString(PARAMETER);
    Function<Request, ResponseDefinitionBuilder> answer = answers.get(key);
    if (answer == null) {
      return aResponse().withStatus(500).withBody("no answer " + key).build();
    }
    try {
      return answer.apply(event.getRequest()).build();
    } catch (RuntimeException e) {
      return aResponse().withStatus(500).withBody("the wire world failed: " + e).build();
    }
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
