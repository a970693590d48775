package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.server.DiamondsApplication;
import com.diamondpricing.server.support.Databases;
import com.diamondpricing.server.system.DiamondsProperties;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The schedule's expression is checked at start; a bad one names the property. */
class ScheduledRetrainingTests {

  static DiamondsProperties schedule(String expression) {
    return new DiamondsProperties(null, null, null, null, null, expression, false);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 0 3 * * *", "0 */15 * * * MON-FRI", "@daily", " 0 0 3 * * * "})
  void aSpringCronExpressionIsAccepted(String expression) {
    new ScheduledRetraining(schedule(expression), null, null, null, Clock.systemUTC());
  }

  @Test
  void noScheduleWhenUnsetOrBlank() {
    for (String blank : new String[] {null, "", "   "}) {
      ScheduledRetraining none =
          new ScheduledRetraining(schedule(blank), null, null, null, Clock.systemUTC());
      none.start(); // does nothing: no scheduler, no data access
      none.stop();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0 3 * * *", "61 * * * * *", "every day at 3", "0 0 3 * * FUNDAY"})
  void anInvalidExpressionIsRefusedNamingTheProperty(String expression) {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ScheduledRetraining(schedule(expression), null, null, null, Clock.systemUTC()))
        .withMessageStartingWith("diamonds.schedule: '" + expression + "' is not a valid cron")
        .withMessageContaining("six fields");
  }

  @Test
  void anInvalidExpressionFailsTheStart() {
    String home = Databases.freshHome().toString();
    assertThatThrownBy(
            () ->
                // command-line arguments: they outrank application.properties (defaults do not)
                new SpringApplicationBuilder(DiamondsApplication.class)
                    .run(
                        "--spring.main.web-application-type=none",
                        "--diamonds.home=" + home,
                        "--diamonds.db.url=",
                        "--diamonds.bootstrap=false",
                        "--diamonds.inbox.enabled=false",
                        "--diamonds.schedule=0 3 * * *")
                    .close())
        .hasStackTraceContaining("diamonds.schedule: '0 3 * * *' is not a valid cron expression");
  }
}
