package com.diamondpricing.server.web;

import com.diamondpricing.server.system.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The admin token as a Spring Security authentication: {@code Authorization: Bearer <token>} is
 * read by {@link #converter()}, checked by {@link #manager} in constant time, and becomes the
 * principal {@value #PRINCIPAL} with the role {@value #ROLE}. The token itself is kept in no
 * authentication once checked.
 */
final class AdminAuthentication {

  static final String ROLE = "ADMIN";
  static final String PRINCIPAL = "admin";
  private static final String BEARER = "Bearer ";

  private AdminAuthentication() {}

  /** A presented token, not yet checked. */
  static final class PresentedToken extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;
    private final transient String token;

    PresentedToken(String token) {
      super(List.of());
      this.token = token;
    }

    @Override
    public Object getCredentials() {
      return token;
    }

    @Override
    public Object getPrincipal() {
      return null;
    }
  }

  /** Reads a bearer token; a request without one (or with another scheme) stays anonymous. */
  static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return null;
      }
      return new PresentedToken(header.substring(BEARER.length()));
    };
  }

  /** Checks a presented token against the admin token. */
  static AuthenticationManager manager(AdminToken token) {
    return authentication -> {
      if (authentication instanceof PresentedToken presented
          && token.matches((String) presented.getCredentials())) {
        return UsernamePasswordAuthenticationToken.authenticated(
            PRINCIPAL, null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
      }
      throw new BadCredentialsException("the admin token is wrong");
    };
  }
}
