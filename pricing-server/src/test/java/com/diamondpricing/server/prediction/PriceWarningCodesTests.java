package com.diamondpricing.server.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI enum of a warning's code is every code the service gives, and no other. */
class PriceWarningCodesTests {

  @Test
  void theDocumentedCodesAreTheDeclaredOnes() throws Exception {
    Set<String> declared = new TreeSet<>();
    for (Class<?> holder : new Class<?>[] {PriceWarning.class, StoneWarnings.class}) {
      for (Field f : holder.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          f.setAccessible(true);
          declared.add((String) f.get(null));
        }
      }
    }
    Schema schema = PriceWarning.class.getDeclaredField("code").getAnnotation(Schema.class);
    assertThat(declared).hasSize(8);
    assertThat(new TreeSet<>(Arrays.asList(schema.allowableValues()))).isEqualTo(declared);
  }
}
