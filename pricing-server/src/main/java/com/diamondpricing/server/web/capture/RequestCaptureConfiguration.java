package com.diamondpricing.server.web.capture;

import com.diamondpricing.server.apikey.ApiKeys;
import com.diamondpricing.server.ledger.PredictionLedger;
import com.diamondpricing.server.requestlog.RequestLog;
import com.diamondpricing.server.requestlog.RequestLogConfiguration;
import com.diamondpricing.server.requestlog.RequestLogProperties;
import com.diamondpricing.server.system.AdminToken;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The request capture: the filter that makes a record of every {@code /api/} request for the {@link
 * RequestLog}, registered where the request log records (a web server, {@code
 * diamonds.request-log.enabled} not false), and the {@link PredictionLedger} the pricing endpoints
 * hand their predictions to: recorded with the request where the request log records, else {@link
 * PredictionLedger#UNRECORDED}.
 */
@Configuration(proxyBeanMethods = false)
class RequestCaptureConfiguration {

  @Bean
  PredictionLedger predictionLedger(ObjectProvider<RequestLog> requestLog) {
    return requestLog.getIfAvailable() != null
        ? new PredictionsOnRequest()
        : PredictionLedger.UNRECORDED;
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnProperty(
      name = RequestLogConfiguration.ENABLED,
      havingValue = "true",
      matchIfMissing = true)
  static class Recording {

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter(
        RequestLog requestLog, RequestLogProperties properties, Clock clock, AdminToken token) {
      FilterRegistrationBean<RequestLogFilter> registration =
          new FilterRegistrationBean<>(
              new RequestLogFilter(
                  requestLog,
                  (int) properties.maxBody().toBytes(),
                  clock,
                  s -> ApiKeys.scrub(token.scrub(s))));
      registration.setName("requestLogFilter");
      registration.setOrder(RequestLogFilter.ORDER);
      registration.addUrlPatterns("/*"); // the filter picks /api/ by the routed path
      return registration;
    }
  }
}
