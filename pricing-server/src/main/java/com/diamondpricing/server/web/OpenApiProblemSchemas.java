package com.diamondpricing.server.web;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;

/** The {@code Problem} and {@code FieldProblem} schemas of the OpenAPI document. */
final class OpenApiProblemSchemas {

  private OpenApiProblemSchemas() {}

  static Schema<?> problem() {
    ObjectSchema schema = new ObjectSchema();
    schema
        .description(
            "An RFC 9457 problem. `code` is stable and documented in docs/errors.md; `type` is"
                + " the same code under "
                + Problems.TYPE_BASE
                + ".")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty(
            "title", new StringSchema().description("the same for every occurrence of a code"))
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("this occurrence, in words"))
        .addProperty("instance", new StringSchema().description("the request path"))
        .addProperty(Problems.CODE, new StringSchema().description("the stable code"))
        .addProperty(
            Problems.FIELD, new StringSchema().description("the parameter or JSON path at fault"))
        .addProperty(
            Problems.ALLOWED_VALUES,
            new ArraySchema().items(new StringSchema()).description("the values the field takes"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + OpenApiProblems.FIELD_PROBLEM))
                .description("every bad field, when validation failed"))
        .addProperty(
            "limit",
            new IntegerSchema().description("the cap or the budget a minute that was reached"))
        .addProperty(
            "report", new ObjectSchema().description("the quality report of a rejected dataset"))
        .addProperty(
            "errorId", new StringSchema().description("the id of a server error, as logged"));
    schema.setRequired(List.of("type", "title", "status", Problems.CODE));
    return schema;
  }

  static Schema<?> fieldProblem() {
    ObjectSchema schema = new ObjectSchema();
    schema
        .addProperty("field", new StringSchema())
        .addProperty("rejectedValue", new StringSchema().nullable(true))
        .addProperty("message", new StringSchema())
        .addProperty(Problems.ALLOWED_VALUES, new ArraySchema().items(new StringSchema()));
    schema.setRequired(List.of("field", "message"));
    return schema;
  }
}
