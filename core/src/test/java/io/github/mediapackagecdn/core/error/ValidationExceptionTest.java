package io.github.mediapackagecdn.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A validation error keeps its problems through Java serialization and cannot be changed by its caller. */
class ValidationExceptionTest {

  @Test
  void serialization_whenRoundTripped_keepsEveryProblemAndTheMessage() throws Exception {
    ValidationException original = new ValidationException(List.of("channel id has space", "description too long"));

    ValidationException copy = roundTrip(original);

    assertThat(copy.problems()).containsExactly("channel id has space", "description too long");
    assertThat(copy.getMessage()).isEqualTo("2 problems: channel id has space; description too long");
  }

  @Test
  void problems_whenCallerChangesTheInputOrTheResult_stayAsThrown() {
    List<String> input = new ArrayList<>(List.of("channel id has space"));
    ValidationException e = new ValidationException(input);
    input.add("added later");

    assertThat(e.problems()).containsExactly("channel id has space");
    assertThatThrownBy(() -> e.problems().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  private static ValidationException roundTrip(ValidationException e) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (ValidationException) in.readObject();
    }
  }
}
