package com.diamondpricing.server.system;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every part reads the time from, injected: this machine's, in UTC. Tests give another
 * one (fixed, or moved on) to control time. Durations and timeouts are measured with {@link
 * System#nanoTime()}, which no clock setting moves.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
