package com.diamondpricing.server.web;

import java.util.List;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;

/**
 * Strict JSON for the API's request bodies: a key given twice is an error, not "the last wins".
 * (Jackson's own limits already refuse, as malformed JSON, a body nested more than 500 deep or a
 * number longer than 1,000 characters; the body limits cap strings.) The API speaks JSON (and text,
 * images, files for the pages): the XML and YAML converters that libraries on the class path bring
 * are taken out, because every answer asked each of them whether it could write it (0.9% of a
 * logged prediction's CPU samples, bench/README.md "Issue 21's throughput").
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer duplicateKeysAreErrors() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }

  @Bean
  WebMvcConfigurer noXmlOrYamlConverters() {
    return new WebMvcConfigurer() {
      @Override
      public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(
            converters -> converters.removeIf(JsonConfiguration::xmlOrYaml));
      }
    };
  }

  static boolean xmlOrYaml(HttpMessageConverter<?> converter) {
    List<MediaType> types = converter.getSupportedMediaTypes();
    return !types.isEmpty()
        && types.stream()
            .allMatch(t -> t.getSubtype().contains("xml") || t.getSubtype().contains("yaml"));
  }
}
