package com.diamondpricing.server.web;

import com.diamondpricing.server.apikey.ApiKeys;
import com.diamondpricing.server.system.AdminToken;
import com.diamondpricing.server.system.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane value (1 to 64
 * letters, digits, '-', '_', '.', ':') that holds no secret, otherwise a new UUID (an id is echoed
 * and stored, so a token sent as one would be too). The id is echoed in the response header and
 * available to the handlers as the request attribute {@value #ATTRIBUTE}.
 *
 * <p>New ids are random (version 4) UUIDs drawn from {@link ThreadLocalRandom}: an id names a
 * request, it guards nothing, and {@link UUID#randomUUID()} draws from one shared {@code
 * SecureRandom} whose lock, taken by every request, was the most contended lock of the service
 * under load.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = RequestId.HEADER;
  public static final String ATTRIBUTE = RequestId.ATTRIBUTE;
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final UnaryOperator<String> secrets; // every secret's value replaced by a marker

  @Autowired
  public RequestIdFilter(AdminToken token) {
    this(s -> ApiKeys.scrub(token.scrub(s)));
  }

  RequestIdFilter(UnaryOperator<String> secrets) {
    this.secrets = secrets;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String given = request.getHeader(HEADER);
    String id =
        given != null && SANE.matcher(given).matches() && secrets.apply(given).equals(given)
            ? given
            : newId();
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    chain.doFilter(request, response);
  }

  /** A new random (version 4, IETF variant) UUID: a request's id, or any other name. */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
