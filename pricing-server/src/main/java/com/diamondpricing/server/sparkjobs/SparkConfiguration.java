package com.diamondpricing.server.sparkjobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SparkProperties.class)
class SparkConfiguration {}
