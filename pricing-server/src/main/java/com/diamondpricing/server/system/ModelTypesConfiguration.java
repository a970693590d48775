package com.diamondpricing.server.system;

import com.diamondpricing.model.ModelTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model types on the class path, found by {@code ServiceLoader}. */
@Configuration(proxyBeanMethods = false)
class ModelTypesConfiguration {

  @Bean
  ModelTypes modelTypes() {
    return ModelTypes.discover();
  }
}
