package com.diamondpricing.server.web;

import com.diamondpricing.server.apikey.ApiKeys;
import com.diamondpricing.server.apikey.KeyHolder;
import com.diamondpricing.server.apikey.KeyRole;
import com.diamondpricing.server.system.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A bearer secret as a Spring Security authentication: {@code Authorization: Bearer <secret>} is
 * read by {@link #converter()} and checked by {@link #manager}. The bootstrap admin token (checked
 * in constant time) becomes the principal {@value #ADMIN_TOKEN} with the role {@code ADMIN}; an API
 * key ({@link ApiKeys}) becomes its id with its role's authority ({@code ROLE_SALES}, {@code
 * ROLE_ADMIN}). The secret itself is kept in no authentication once checked; the principal's name
 * is what the request log ({@link CallerKey}) and the histories record.
 */
final class BearerAuthentication {

  /** The role of everything not open and not sales. */
  static final String ADMIN = KeyRole.ADMIN.authorityRole();

  /** The role of the sales endpoints (admin may call them too). */
  static final String SALES = KeyRole.SALES.authorityRole();

  /** The principal name of the bootstrap admin token. */
  static final String ADMIN_TOKEN = "admin-token";

  private static final String BEARER = "Bearer ";

  private BearerAuthentication() {}

  /** A presented secret, not yet checked. */
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

  /** Reads a bearer secret; a request without one (or with another scheme) stays anonymous. */
  static AuthenticationConverter converter() {
    return (HttpServletRequest request) -> {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return null;
      }
      return new PresentedToken(header.substring(BEARER.length()));
    };
  }

  /** Checks a presented secret against the admin token, then the keys. */
  static AuthenticationManager manager(AdminToken token, ApiKeys keys) {
    return authentication -> {
      if (authentication instanceof PresentedToken presented) {
        String secret = (String) presented.getCredentials();
        if (token.matches(secret)) {
          return authenticated(ADMIN_TOKEN, ADMIN);
        }
        Optional<KeyHolder> holder = keys.authenticate(secret);
        if (holder.isPresent()) {
          return authenticated(holder.get().keyId(), holder.get().role().authorityRole());
        }
      }
      throw new BadCredentialsException("neither the admin token nor a working API key");
    };
  }

  private static Authentication authenticated(String principal, String role) {
    return UsernamePasswordAuthenticationToken.authenticated(
        principal, null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
  }
}
