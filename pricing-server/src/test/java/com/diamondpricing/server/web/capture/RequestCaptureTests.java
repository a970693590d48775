package com.diamondpricing.server.web.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the request capture keeps of a request: secrets in the query redacted, text as text. */
class RequestCaptureTests {

  @Test
  void queryParametersNamedLikeSecretsAreRedactedByTheirDecodedName() {
    assertThat(QueryRedaction.redact("carat=1.1&n=5")).isEqualTo("carat=1.1&n=5");
    assertThat(QueryRedaction.redact("token=abc&n=5&API_KEY=k&password=p&x"))
        .isEqualTo("token=[redacted]&n=5&API_KEY=[redacted]&password=[redacted]&x");
    assertThat(QueryRedaction.redact("%74oken=abc&api%5Fkey=k&x-api-key=k&Bearer=b&jwt=j"))
        .isEqualTo(
            "%74oken=[redacted]&api%5Fkey=[redacted]&x-api-key=[redacted]&Bearer=[redacted]"
                + "&jwt=[redacted]");
    assertThat(QueryRedaction.redact("client_secret=s&access.token=t&pwd=p&n=%zz"))
        .isEqualTo("client_secret=[redacted]&access.token=[redacted]&pwd=[redacted]&n=%zz");
    assertThat(QueryRedaction.redact("%zztoken=1")).isEqualTo("%zztoken=[redacted]");
    assertThat(QueryRedaction.redact(null)).isNull();
  }

  @Test
  void bodiesWorthKeepingAsTextAreTold() {
    assertThat(RequestLogFilter.textual("application/json")).isTrue();
    assertThat(RequestLogFilter.textual("application/problem+json;charset=UTF-8")).isTrue();
    assertThat(RequestLogFilter.textual("text/csv")).isTrue();
    assertThat(RequestLogFilter.textual(null)).isTrue();
    assertThat(RequestLogFilter.textual("application/octet-stream")).isFalse();
    assertThat(RequestLogFilter.textual("image/png")).isFalse();
  }
}
