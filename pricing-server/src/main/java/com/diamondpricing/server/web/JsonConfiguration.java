package com.diamondpricing.server.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

/**
 * Strict JSON for the API's request bodies: a key given twice is an error, not "the last wins".
 * (Jackson's own limits already refuse, as malformed JSON, a body nested more than 500 deep or a
 * number longer than 1,000 characters; the body limits cap strings.)
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer duplicateKeysAreErrors() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}
