package com.diamondpricing.server.web;

import com.diamondpricing.server.dataset.UploadProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * What Tomcat would otherwise answer itself, outside the firewall, the problems and the request
 * log: encoded slashes and backslashes pass through (the security firewall refuses them, as a
 * problem recorded like any other answer), and so does {@code TRACE}, which Spring MVC then answers
 * like any method no endpoint takes (405 {@code method-not-allowed}, or 404 where no path matches).
 * A {@code TRACE} is never echoed: Tomcat's refusal (its {@code allowTrace=false}) happens before
 * any filter, so it is lifted, and instead the one servlet, {@link NoEchoDispatcherServlet}, never
 * falls back to the servlet API's echo. Its connector caps the connections per client address
 * ({@link ClientCappedNioProtocol}); the time limits on idle connections are Tomcat's own ({@code
 * server.tomcat.connection-timeout}, {@code keep-alive-timeout}), the one on a body's arrival is
 * {@link RequestBodyFilter}'s.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsProperties.class)
class ContainerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ContainerConfiguration.class);

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> clientCappedConnector() {
    return factory -> factory.setProtocol(ClientCappedNioProtocol.class.getName());
  }

  @Bean
  TomcatConnectorCustomizer connectionsPerClient(
      HttpLimitsProperties limits, MeterRegistry meters) {
    return connector -> {
      if (connector.getProtocolHandler() instanceof ClientCappedNioProtocol capped) {
        capped.setMaxConnectionsPerClient(limits.maxConnectionsPerClient());
        log.info(
            "HTTP: at most {} open connections per client address",
            limits.maxConnectionsPerClient());
        FunctionCounter.builder(
                "diamonds.http.connections.refused",
                capped,
                ClientCappedNioProtocol::refusedConnections)
            .description("connections closed on accept: their client had too many open")
            .register(meters);
      }
    };
  }

  /**
   * The multipart limits, from {@code diamonds.upload.max-size}: one upload, its file and the whole
   * request, at most that size (what Spring Boot would make of {@code spring.servlet.multipart.*},
   * from the setting that declares the default).
   */
  @Bean
  MultipartConfigElement multipartConfigElement(UploadProperties upload) {
    long max = upload.maxSize().toBytes();
    return new MultipartConfigElement("", max, max, 0);
  }

  @Bean
  TomcatConnectorCustomizer encodedSeparatorsAndTraceReachTheFirewall() {
    return connector -> {
      connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
      connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
      connector.setAllowTrace(true); // safe only with NoEchoDispatcherServlet: see the class
    };
  }

  /** Spring Boot's dispatcher servlet, as its auto-configuration sets it up, minus the echo. */
  @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  DispatcherServlet dispatcherServlet(WebMvcProperties mvc) {
    DispatcherServlet servlet = new NoEchoDispatcherServlet();
    servlet.setDispatchOptionsRequest(mvc.isDispatchOptionsRequest());
    servlet.setDispatchTraceRequest(true);
    servlet.setPublishEvents(mvc.isPublishRequestHandledEvents());
    servlet.setEnableLoggingRequestDetails(mvc.isLogRequestDetails());
    return servlet;
  }

  /**
   * Handles {@code TRACE} as Spring MVC handles any method: through the handler mappings (none
   * takes it) to a problem. Spring's own {@code doTrace} would then append the servlet API's echo
   * of the request (its headers, cookies included) to whatever was answered, unless a handler wrote
   * {@code message/http}; this one never does.
   */
  static final class NoEchoDispatcherServlet extends DispatcherServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doTrace(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      processRequest(request, response);
    }
  }
}
