package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.server.system.RequestId;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

  private final RequestIdFilter filter =
      new RequestIdFilter(s -> s.replace("sekrit-token-value", "[secret]"));

  @Test
  void newIdsAreDistinctVersionFourUuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RequestIdFilter.newId();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      seen.add(id);
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void aSaneClientIdIsKeptAndEchoed() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockHttpServletRequest request = filter("order-42:retry.1", response);
    assertThat(RequestId.of(request)).isEqualTo("order-42:retry.1");
    assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("order-42:retry.1");
  }

  @Test
  void anInsaneClientIdIsReplacedByANewOne() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockHttpServletRequest request = filter("<script>alert(1)</script>", response);
    String id = response.getHeader(RequestIdFilter.HEADER);
    assertThat(UUID.fromString(id).version()).isEqualTo(4);
    assertThat(RequestId.of(request)).isEqualTo(id);
  }

  @Test
  void anIdHoldingASecretIsNeitherEchoedNorKept() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockHttpServletRequest request = filter("x-sekrit-token-value", response);
    String id = response.getHeader(RequestIdFilter.HEADER);
    assertThat(id).doesNotContain("sekrit");
    assertThat(UUID.fromString(id).version()).isEqualTo(4);
    assertThat(RequestId.of(request)).isEqualTo(id);
  }

  /** A request with this X-Request-Id, through the filter. */
  private MockHttpServletRequest filter(String clientId, MockHttpServletResponse response)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/models");
    request.addHeader(RequestIdFilter.HEADER, clientId);
    filter.doFilter(request, response, new MockFilterChain());
    return request;
  }
}
