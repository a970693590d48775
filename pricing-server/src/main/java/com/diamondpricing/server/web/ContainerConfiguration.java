package com.diamondpricing.server.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat passes encoded slashes and backslashes through instead of answering 400 itself: the
 * security firewall then refuses them, as a problem the request log records like any other answer.
 */
@Configuration(proxyBeanMethods = false)
class ContainerConfiguration {

  @Bean
  TomcatConnectorCustomizer encodedSeparatorsReachTheFirewall() {
    return connector -> {
      connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
      connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    };
  }
}
