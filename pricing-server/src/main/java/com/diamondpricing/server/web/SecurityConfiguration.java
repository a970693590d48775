package com.diamondpricing.server.web;

import com.diamondpricing.server.apikey.ApiKeys;
import com.diamondpricing.server.system.AdminToken;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * The one guard in front of every endpoint, deny by default. Spring Security's {@link
 * StrictHttpFirewall} first refuses odd spellings of a path (encoded slashes, dots and percent
 * signs, {@code ;} path parameters, {@code //}, dot segments, control characters) with 400; then
 * the rules below, written on the path Spring routes on, name every endpoint as open, sales or
 * admin. An endpoint they do not name needs the admin role ({@link UnlistedRequests}); a path no
 * endpoint serves gets its 404 (or 405) whoever asks. The admin token and the API keys are bearer
 * authentications ({@link BearerAuthentication}) whose roles are Spring Security authorities; no
 * session is ever created.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  /** The open endpoints, by method: every one is listed here, none is open by accident. */
  static final String[] OPEN_READS = {
    "/",
    "/models",
    "/models/{id}",
    "/models/{id}/promote",
    "/runs",
    "/requests",
    "/monitoring",
    "/sales",
    "/keys",
    "/css/**",
    "/js/**",
    "/webjars/**",
    "/api/v1/diamonds/similar",
    "/api/v1/models",
    "/api/v1/models/{id}",
    "/api/v1/models/{id}/fit",
    "/api/v1/models/{id}/comparison",
    "/api/v1/models/{id}/plots/fit.png",
    "/api/v1/models/{id}/live",
    "/api/v1/monitoring/drift",
    "/api/v1/monitoring/live",
    "/api/v1/models/champion/history",
    "/api/v1/training-runs",
    "/api/v1/training-runs/{id}",
    "/api/v1/datasets/current",
    "/actuator/health",
    "/actuator/health/liveness",
    "/actuator/health/readiness",
    "/actuator/prometheus",
    "/docs",
    "/docs/**",
    "/swagger-ui/**"
  };

  static final String[] OPEN_WRITES = {"/api/v1/predictions", "/api/v1/predictions/batch"};

  /** Sales (or admin): the quotes given and the sales reported, corrected and voided. */
  static final String[] SALES_READS = {"/api/v1/quotes", "/api/v1/sales", "/api/v1/sales/{id}"};

  static final String[] SALES_WRITES = {
    "/api/v1/sales", "/api/v1/sales/{id}/corrections", "/api/v1/sales/{id}/void"
  };

  /**
   * Admin: whatever changes the models or the data, the request log, the keys, the model artifacts
   * (the store's property).
   */
  static final String[] ADMIN_READS = {
    "/api/v1/models/{id}/artifact", "/api/v1/request-log/**", "/api/v1/keys"
  };

  static final String[] ADMIN_WRITES = {
    "/api/v1/models/{id}/promote", "/api/v1/training-runs", "/api/v1/keys"
  };

  static final String[] ADMIN_DELETES = {"/api/v1/keys/{id}"};

  /**
   * The open endpoints the store's web app calls all the time (prices, similar diamonds) pass the
   * firewall and no filter besides: they need no authentication, no session and no security
   * headers, and the full chain cost about a tenth of their throughput. Listed before the guard.
   */
  @Bean
  @Order(0)
  SecurityFilterChain openHotPaths() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    List<RequestMatcher> hot = new ArrayList<>();
    for (String path : OPEN_WRITES) {
      hot.add(paths.matcher(HttpMethod.POST, path));
    }
    hot.add(paths.matcher(HttpMethod.GET, "/api/v1/diamonds/similar"));
    return new DefaultSecurityFilterChain(new OrRequestMatcher(hot));
  }

  @Bean
  @Order(1)
  SecurityFilterChain guard(
      HttpSecurity http,
      AuthenticationManager bearers,
      ObjectProvider<RequestMappingInfoHandlerMapping> mappings)
      throws Exception {
    AuthenticationFilter bearer =
        new AuthenticationFilter(bearers, BearerAuthentication.converter());
    bearer.setSuccessHandler(continueChain());
    bearer.setFailureHandler(
        (request, response, e) -> ProblemResponses.unauthorized(request, response, true));
    bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
    http.csrf(c -> c.disable())
        .formLogin(f -> f.disable())
        .httpBasic(b -> b.disable())
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .sessionManagement(s -> s.disable())
        .securityContext(
            c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .headers(
            h -> {
              h.addObjectPostProcessor(eagerHeaders());
              h.addHeaderWriter(PagePolicies.contentSecurityPolicy())
                  .addHeaderWriter(PagePolicies.referrerPolicy());
            })
        .anonymous(Customizer.withDefaults())
        .addFilterAt(bearer, BasicAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, x) ->
                            ProblemResponses.unauthorized(request, response, false))
                    .accessDeniedHandler(ProblemResponses::forbidden))
        .authorizeHttpRequests(a -> rules(a, new UnlistedRequests(mappings)));
    return http.build();
  }

  static void rules(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
      UnlistedRequests unlisted) {
    // the busiest endpoints first: the first rule that matches decides
    a.requestMatchers(HttpMethod.POST, OPEN_WRITES).permitAll();
    for (HttpMethod read : new HttpMethod[] {HttpMethod.GET, HttpMethod.HEAD}) {
      a.requestMatchers(read, OPEN_READS).permitAll();
      a.requestMatchers(read, SALES_READS)
          .hasAnyRole(BearerAuthentication.SALES, BearerAuthentication.ADMIN);
      a.requestMatchers(read, ADMIN_READS).hasRole(BearerAuthentication.ADMIN);
    }
    a.requestMatchers(HttpMethod.POST, SALES_WRITES)
        .hasAnyRole(BearerAuthentication.SALES, BearerAuthentication.ADMIN);
    a.requestMatchers(HttpMethod.POST, ADMIN_WRITES).hasRole(BearerAuthentication.ADMIN);
    a.requestMatchers(HttpMethod.DELETE, ADMIN_DELETES).hasRole(BearerAuthentication.ADMIN);
    a.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
    a.anyRequest().access(unlisted);
  }

  /** Headers written before the handler runs: no response wrapper on every request. */
  private static ObjectPostProcessor<HeaderWriterFilter> eagerHeaders() {
    return new ObjectPostProcessor<>() {
      @Override
      public <O extends HeaderWriterFilter> O postProcess(O filter) {
        filter.setShouldWriteHeadersEagerly(true);
        return filter;
      }
    };
  }

  /** Names the key in the request (for the request log); the chain goes on after this. */
  private static AuthenticationSuccessHandler continueChain() {
    return (request, response, authentication) -> CallerKey.set(request, authentication.getName());
  }

  @Bean
  AuthenticationManager bearerAuthenticationManager(AdminToken token, ApiKeys keys) {
    return BearerAuthentication.manager(token, keys);
  }

  @Bean
  HttpFirewall httpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    // any method reaches Spring MVC, which answers those no endpoint takes 405 (a problem)
    firewall.setUnsafeAllowAnyHttpMethod(true);
    firewall.setAllowedHeaderNames(FieldCharacters::printable);
    firewall.setAllowedHeaderValues(FieldCharacters::printableOrTab);
    firewall.setAllowedParameterNames(FieldCharacters::printable);
    return firewall;
  }

  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return ProblemResponses::rejected;
  }

  /** Security's filters are not observed one by one (it cost a fifth of the throughput). */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }
}
