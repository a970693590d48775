package com.diamondpricing.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestIdFilterTests {

  private final RequestIdFilter filter = new RequestIdFilter();

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
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/models");
    request.addHeader(RequestIdFilter.HEADER, "order-42:retry.1");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    assertThat(RequestIdFilter.of(request)).isEqualTo("order-42:retry.1");
    assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("order-42:retry.1");
  }

  @Test
  void anInsaneClientIdIsReplacedByANewOne() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/models");
    request.addHeader(RequestIdFilter.HEADER, "<script>alert(1)</script>");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    String id = response.getHeader(RequestIdFilter.HEADER);
    assertThat(UUID.fromString(id).version()).isEqualTo(4);
    assertThat(RequestIdFilter.of(request)).isEqualTo(id);
  }
}
