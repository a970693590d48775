package com.diamondpricing.server.prediction;

import com.diamondpricing.server.system.AdminToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pricing limits ({@link PricingLimitsProperties}): the budgets, an interceptor that refuses a
 * client with an empty budget before its body is read, and the limits as the OpenAPI document
 * states them on the pricing operations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingLimitsProperties.class)
class PricingLimitsConfiguration {

  static final String[] PRICING_PATHS = {"/api/v1/predictions", "/api/v1/predictions/batch"};

  @Bean
  PricingBudgets pricingBudgets(
      PricingLimitsProperties limits, AdminToken token, Clock clock, MeterRegistry meters) {
    return new PricingBudgets(limits, token, clock, meters);
  }

  @Bean
  WebMvcConfigurer pricingAdmission(PricingBudgets budgets) {
    HandlerInterceptor precheck =
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            budgets.precheck(request);
            return true;
          }
        };
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(precheck).addPathPatterns(PRICING_PATHS);
      }
    };
  }

  /** The limits in force, appended to each pricing operation's description. */
  @Bean
  OpenApiCustomizer pricingLimitsDocumented(PricingLimitsProperties limits) {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      for (String path : PRICING_PATHS) {
        PathItem item = openApi.getPaths().get(path);
        Operation post = item == null ? null : item.getPost();
        if (post != null) {
          String before = post.getDescription() == null ? "" : post.getDescription() + "\n\n";
          post.setDescription(before + describe(limits));
        }
      }
    };
  }

  static String describe(PricingLimitsProperties limits) {
    if (!limits.enabled()) {
      return "**Limits:** none (`diamonds.limits.enabled=false`).";
    }
    return "**Limits** (`diamonds.limits.*`): a client is the admin token, else the connection's"
        + " address (an IPv6 /64). An address may price "
        + perMinute(limits.anonymousItemsPerMinute())
        + " items a minute, at most "
        + limits.anonymousMaxItems()
        + " diamonds a batch and "
        + limits.anonymousMaxExplained()
        + " explained a request; the admin "
        + perMinute(limits.adminItemsPerMinute())
        + " items a minute, "
        + limits.adminMaxItems()
        + " diamonds a batch and "
        + limits.adminMaxExplained()
        + " explained a request. An explained diamond counts as "
        + limits.explainedItemCost()
        + " items. Over a cap: 422 `too-many-items` (`field`, `limit`); over the budget: 429"
        + " `rate-limited` with `Retry-After`. Refused requests price nothing and cost no"
        + " budget.";
  }

  private static String perMinute(int n) {
    return n == 0 ? "any number of" : Integer.toString(n);
  }
}
