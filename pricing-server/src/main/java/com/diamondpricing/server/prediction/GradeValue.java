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
import java.util.ArrayList;
import java.util.List;

/**
 * A grade given as text: one of the grade type's labels, case-insensitive. Null is left
 * to @NotNull. A problem about such a field lists the labels as {@code allowedValues}, read from
 * this constraint (see {@link Validator#labels}).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = GradeValue.Validator.class)
public @interface GradeValue {

  /** The grade enum. */
  Class<? extends Enum<? extends Grade>> value();

  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the text against the grade's labels and names them in the message. */
  final class Validator implements ConstraintValidator<GradeValue, String> {
    private GradeValue constraint;
    // read once: the annotation's value() goes through a proxy, getEnumConstants() copies
    private Grade[] levels = new Grade[0];

    /** The labels of a grade type, best last as the grade lists them. */
    public static List<String> labels(GradeValue constraint) {
      List<String> labels = new ArrayList<>();
      for (Enum<? extends Grade> level : constraint.value().getEnumConstants()) {
        labels.add(((Grade) level).label());
      }
      return labels;
    }

    @Override
    public void initialize(GradeValue annotation) {
      this.constraint = annotation;
      Enum<? extends Grade>[] constants = annotation.value().getEnumConstants();
      this.levels = new Grade[constants.length];
      for (int i = 0; i < constants.length; i++) {
        levels[i] = (Grade) constants[i];
      }
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      for (Grade level : levels) {
        if (Grade.matches(level, text)) {
          return true;
        }
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "must be one of: " + String.join(", ", labels(constraint)))
          .addConstraintViolation();
      return false;
    }
  }
}
