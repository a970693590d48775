package com.diamondpricing.server.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /docs/openapi.json} (Swagger UI at {@code /docs}): a real title,
 * description, version and licence; every tag described, in the order a client meets them; the
 * admin token as a bearer scheme on exactly the operations the guard ({@link
 * SecurityConfiguration}) reserves for it, so Swagger's Authorize button works; and the problem
 * answers ({@link OpenApiProblems}) each operation can give, with an example per status.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String ADMIN_SCHEME = "adminToken";

  /** Tags in the order a client meets them. */
  private static final List<String> TAG_ORDER =
      List.of("Predictions", "Similar diamonds", "Models", "Training runs", "Request log");

  @Bean
  OpenAPI diamondsOpenApi() {
    String version = OpenApiConfiguration.class.getPackage().getImplementationVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("diamond-pricing API")
                .version(version == null ? "development build" : version)
                .description(
                    "Prices diamonds for a jewellery store that buys stones from its customers and"
                        + " sells them on. Price one diamond or a batch, find the training"
                        + " diamonds most like one, browse the model registry, train on fresh"
                        + " data and read the request log.\n\n"
                        + "Errors are RFC 9457 problems (`application/problem+json`) with a stable"
                        + " `code`; docs/errors.md lists every code. Endpoints marked with a lock"
                        + " need a bearer secret (`Authorization: Bearer <secret>`): the admin token (in"
                        + " `var/admin-token`) or an API key; each says the role it needs (sales or"
                        + " admin, in `x-required-role`).")
                .license(
                    new License()
                        .name("Proprietary: the store's own, all rights reserved")
                        .identifier("LicenseRef-Proprietary")))
        .components(
            new Components()
                .addSecuritySchemes(
                    ADMIN_SCHEME,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                            "The admin token (the first line of var/admin-token, or"
                                + " DIAMONDS_ADMIN_TOKEN), or an API key (dpk_...) with the role"
                                + " the operation names.")));
  }

  /** Orders and keeps the controllers' tags, marks admin operations, adds problem answers. */
  @Bean
  OpenApiCustomizer problemsAndSecurity() {
    return openApi -> {
      OpenApiProblems.addTo(openApi.getComponents());
      OpenApiOperationIds.name(openApi);
      if (openApi.getTags() != null) {
        openApi.getTags().sort(Comparator.comparingInt(OpenApiConfiguration::tagRank));
      }
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> e :
                    item.readOperationsMap().entrySet()) {
                  describe(path, e.getKey(), e.getValue());
                }
              });
    };
  }

  /**
   * The model types a client may name ({@code ?model=}): the types on the class path, so a new type
   * shows in the document as it shows in the API.
   */
  @Bean
  OpenApiCustomizer modelTypeNames(com.diamondpricing.model.ModelTypes types) {
    List<String> names = List.copyOf(types.names());
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations().stream()
                      .filter(op -> op.getParameters() != null)
                      .flatMap(op -> op.getParameters().stream())
                      .filter(p -> "model".equals(p.getName()) && p.getSchema() != null)
                      .forEach(p -> allow(p.getSchema(), names)));
    };
  }

  @SuppressWarnings("unchecked") // a parameter's schema is raw in swagger-models
  private static void allow(io.swagger.v3.oas.models.media.Schema<?> schema, List<String> names) {
    ((io.swagger.v3.oas.models.media.Schema<Object>) schema)
        .setEnum(new java.util.ArrayList<>(names));
  }

  private static int tagRank(Tag tag) {
    int i = TAG_ORDER.indexOf(tag.getName());
    return i < 0 ? TAG_ORDER.size() : i;
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    RequiredRole role = RequiredRole.of(path, method.name());
    boolean admin = role == RequiredRole.ADMIN;
    if (role != RequiredRole.OPEN) {
      List<String> roles = admin ? List.of("admin") : List.of("sales", "admin");
      operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME, roles));
      operation.addExtension("x-required-role", role.label());
      String needs = "**Needs " + role.needs() + ".**";
      operation.setDescription(
          operation.getDescription() == null ? needs : needs + " " + operation.getDescription());
      add(responses, 401);
      add(responses, 403);
    }
    boolean body = operation.getRequestBody() != null;
    boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
    if (body || parameters) {
      add(responses, 400);
    }
    if (path.contains("{") || hasParameter(operation, "modelId")) {
      add(responses, 404);
    }
    if (admin && method == PathItem.HttpMethod.POST && path.endsWith("/training-runs")) {
      add(responses, 409);
    }
    if (body) {
      add(responses, 408);
      add(responses, 413);
      add(responses, 415);
      add(responses, 422);
    }
    // the training queue, and the pricing operations' budgets (the open writes)
    if (method == PathItem.HttpMethod.POST
        && (role == RequiredRole.OPEN || path.endsWith("/training-runs"))) {
      add(responses, 429);
    }
    add(responses, 503);
    add(responses, 500);
  }

  private static boolean hasParameter(Operation operation, String name) {
    return operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> name.equals(p.getName()));
  }

  private static void add(ApiResponses responses, int status) {
    String code = Integer.toString(status);
    if (!responses.containsKey(code)) {
      responses.addApiResponse(code, new ApiResponse().$ref(OpenApiProblems.responseRef(status)));
    }
  }
}
