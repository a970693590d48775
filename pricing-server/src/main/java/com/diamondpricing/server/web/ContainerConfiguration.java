package com.diamondpricing.server.web;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat passes encoded slashes and backslashes through instead of answering 400 itself: the
 * security firewall then refuses them, as a problem the request log records like any other answer.
 * Its connector caps the connections per client address ({@link ClientCappedNioProtocol}); the time
 * limits on idle connections are Tomcat's own ({@code server.tomcat.connection-timeout}, {@code
 * keep-alive-timeout}), the one on a body's arrival is {@link RequestBodyFilter}'s.
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

  @Bean
  TomcatConnectorCustomizer encodedSeparatorsReachTheFirewall() {
    return connector -> {
      connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
      connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    };
  }
}
