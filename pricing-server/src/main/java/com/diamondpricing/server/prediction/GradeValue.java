package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Grade;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A grade given as text: one of the grade type's labels, case-insensitive. Null is left
 * to @NotNull.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GradeValue.Validator.class)
public @interface GradeValue {

  /** How the message of a bad grade starts; the allowed labels follow, comma-separated. */
  String PREFIX = "must be one of: ";

  /** The grade enum. */
  Class<? extends Enum<?>> value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the text against the grade's labels and names them in the message. */
  final class Validator implements ConstraintValidator<GradeValue, String> {
    private Class<? extends Enum<?>> type;

    @Override
    public void initialize(GradeValue annotation) {
      this.type = annotation.value();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      for (Enum<?> level : type.getEnumConstants()) {
        if (Grade.matches((Grade) level, text)) {
          return true;
        }
      }
      StringBuilder allowed = new StringBuilder();
      for (Enum<?> level : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(((Grade) level).label());
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(PREFIX + allowed).addConstraintViolation();
      return false;
    }
  }
}
