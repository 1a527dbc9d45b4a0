package io.github.cortexj.async.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.cortexj.core.payload.MediaType;
import io.github.cortexj.core.payload.PayloadException;
import org.junit.jupiter.api.Test;

class ContentTypesTest {

  private final ContentTypes contentTypes = new ContentTypes();

  @Test
  void refusesAValueThatIsNoMediaTypeAsTheParserDoesEveryTime() {
    Throwable parsed = catchThrowable(() -> MediaType.parse("text/plain; charset="));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> contentTypes.check("text/plain; charset="))
          .isInstanceOf(PayloadException.class)
          .hasMessage(parsed.getMessage());
    }
    assertThat(contentTypes.remembered()).isZero();
  }

  @Test
  void remembersEachValidValueOnce() {
    contentTypes.check("application/json");
    contentTypes.check("application/json");
    contentTypes.check("text/plain; charset=utf-8");

    assertThat(contentTypes.remembered()).isEqualTo(2);
  }

  @Test
  void remembersAtMostItsCapacityAndStillChecksTheRest() {
    for (int i = 0; i < ContentTypes.CAPACITY + 10; i++) {
      contentTypes.check("application/x-" + i);
    }

    assertThat(contentTypes.remembered()).isEqualTo(ContentTypes.CAPACITY);
    assertThatThrownBy(() -> contentTypes.check("application/"))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void acceptsButDoesNotRememberAnOverlongValue() {
    String overlong = "application/x-" + "a".repeat(ContentTypes.MAX_REMEMBERED_LENGTH);

    contentTypes.check(overlong);

    assertThat(contentTypes.remembered()).isZero();
  }
}
