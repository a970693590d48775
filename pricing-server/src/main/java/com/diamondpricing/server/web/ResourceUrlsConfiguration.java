package com.diamondpricing.server.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * No {@link ResourceUrlEncodingFilter}: Spring Boot adds it because the webjars are on the class
 * path, to rewrite links to static resources into versioned ones, but the pages name their scripts
 * by fixed paths ({@code PageController.CHART_JS_PATH}, plain {@code src} attributes), so it
 * rewrote nothing, while wrapping every request and answering each attribute the dispatcher set
 * through its wrapper (1.5% of a logged prediction's CPU samples, bench/README.md "Issue 21's
 * throughput"). A disabled registration of the filter keeps Boot's own from being made.
 */
@Configuration(proxyBeanMethods = false)
class ResourceUrlsConfiguration {

  @Bean
  FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilterOff() {
    FilterRegistrationBean<ResourceUrlEncodingFilter> off =
        new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
    off.setEnabled(false);
    return off;
  }
}
