package com.diamondpricing.server.web;

import com.diamondpricing.server.prediction.GradeValue;
import com.diamondpricing.server.problem.BadField;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Bean-validation failures as one problem listing every bad field ({@code errors}, in a fixed
 * order: {@link FieldOrder}), with the first one's {@code field} and, for a grade, the labels it
 * takes, read from its {@link GradeValue} constraint.
 */
final class ValidationProblems {

  private ValidationProblems() {}

  /** A JSON body failed validation: 422. */
  static ProblemDetail of(MethodArgumentNotValidException e) {
    List<BadField> errors = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.add(
          fieldProblem(
              error.getField(), error.getRejectedValue(), error.getDefaultMessage(), error));
    }
    for (ObjectError error : e.getBindingResult().getGlobalErrors()) {
      errors.add(fieldProblem(error.getObjectName(), null, error.getDefaultMessage(), error));
    }
    Object target = e.getBindingResult().getTarget();
    if (target != null) {
      errors.sort(FieldOrder.of(target.getClass()).comparator(BadField::field, BadField::message));
    }
    return problem(errors, HttpStatus.UNPROCESSABLE_CONTENT);
  }

  /** Request parameters failed validation: 400. */
  static ProblemDetail of(HandlerMethodValidationException e) {
    List<BadField> errors = new ArrayList<>();
    List<ParameterValidationResult> results = new ArrayList<>(e.getParameterValidationResults());
    results.sort(
        java.util.Comparator.comparingInt(r -> r.getMethodParameter().getParameterIndex()));
    for (ParameterValidationResult result : results) {
      String name = result.getMethodParameter().getParameterName();
      RequestParam param = result.getMethodParameter().getParameterAnnotation(RequestParam.class);
      if (param != null && !param.name().isEmpty()) {
        name = param.name();
      }
      List<MessageSourceResolvable> resolvable = new ArrayList<>(result.getResolvableErrors());
      resolvable.sort(java.util.Comparator.comparing(r -> String.valueOf(r.getDefaultMessage())));
      for (MessageSourceResolvable error : resolvable) {
        ConstraintViolation<?> violation = violation(result, error);
        errors.add(
            new BadField(
                name,
                rejected(result.getArgument()),
                error.getDefaultMessage(),
                allowed(violation)));
      }
    }
    return problem(errors, HttpStatus.BAD_REQUEST);
  }

  private static ProblemDetail problem(List<BadField> errors, HttpStatus status) {
    List<String> words = new ArrayList<>();
    for (BadField error : errors) {
      words.add("'" + error.field() + "' " + error.message());
    }
    ProblemDetail body =
        Problems.of(
            status,
            Problems.INVALID_PARAMETER,
            Problems.INVALID_PARAMETER_TITLE,
            words.isEmpty() ? "The request is not valid." : String.join("; ", words));
    if (!errors.isEmpty()) {
      BadField first = errors.get(0);
      body.setProperty(Problems.FIELD, first.field());
      if (!first.allowedValues().isEmpty()) {
        body.setProperty(Problems.ALLOWED_VALUES, first.allowedValues());
      }
    }
    body.setProperty("errors", errors);
    return body;
  }

  private static BadField fieldProblem(
      String field, Object rejected, String message, ObjectError error) {
    ConstraintViolation<?> violation =
        error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null;
    return new BadField(field, rejected(rejected), message, allowed(violation));
  }

  private static ConstraintViolation<?> violation(
      ParameterValidationResult result, MessageSourceResolvable error) {
    try {
      return result.unwrap(error, ConstraintViolation.class);
    } catch (IllegalArgumentException notAViolation) {
      return null;
    }
  }

  /** The labels a grade field takes, from its constraint; none for other constraints. */
  private static List<String> allowed(ConstraintViolation<?> violation) {
    if (violation != null
        && violation.getConstraintDescriptor().getAnnotation() instanceof GradeValue grade) {
      return GradeValue.Validator.labels(grade);
    }
    return List.of();
  }

  private static String rejected(Object value) {
    return value == null ? null : ProblemText.abbreviate(String.valueOf(value));
  }
}
