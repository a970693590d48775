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
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

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
                        + " need the admin token (`Authorization: Bearer <token>`, the token is in"
                        + " `var/admin-token`).")
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
                            "The admin token: the first line of var/admin-token, or"
                                + " DIAMONDS_ADMIN_TOKEN.")));
  }

  /** Orders and keeps the controllers' tags, marks admin operations, adds problem answers. */
  @Bean
  OpenApiCustomizer problemsAndSecurity() {
    return openApi -> {
      OpenApiProblems.addTo(openApi.getComponents());
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
    boolean admin = isAdmin(path, method);
    if (admin) {
      operation.addSecurityItem(new SecurityRequirement().addList(ADMIN_SCHEME));
      add(responses, 401);
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
    if (method == PathItem.HttpMethod.POST && (!admin || path.endsWith("/training-runs"))) {
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

  /**
   * Whether the guard reserves the operation for the admin token: whatever its rules do not list as
   * open (deny by default).
   */
  static boolean isAdmin(String path, PathItem.HttpMethod method) {
    PathContainer container = PathContainer.parsePath(path);
    return switch (method) {
      case GET, HEAD -> !matchesAny(SecurityConfiguration.OPEN_READS, container);
      case POST -> !matchesAny(SecurityConfiguration.OPEN_WRITES, container);
      default -> true;
    };
  }

  private static boolean matchesAny(String[] patterns, PathContainer path) {
    for (String pattern : patterns) {
      if (PathPatternParser.defaultInstance.parse(pattern).matches(path)) {
        return true;
      }
    }
    return false;
  }
}
