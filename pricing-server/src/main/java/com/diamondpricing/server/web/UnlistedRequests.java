package com.diamondpricing.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The rule for requests that no explicit rule names: when an endpoint (a controller method, an
 * actuator or documentation endpoint) would answer, it is closed to all but the admin, so an
 * endpoint added without a rule is never open by accident; when none would (a mistyped path, a
 * method the path does not take), the request goes on to its 404 or 405, whoever sends it.
 */
final class UnlistedRequests implements AuthorizationManager<RequestAuthorizationContext> {

  private static final AuthorizationDecision NOTHING_TO_GUARD = new AuthorizationDecision(true);

  private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;
  private final AuthorizationManager<RequestAuthorizationContext> admin =
      AuthorityAuthorizationManager.hasRole(BearerAuthentication.ADMIN);

  UnlistedRequests(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    return servedByAnEndpoint(context.getRequest())
        ? admin.authorize(authentication, context)
        : NOTHING_TO_GUARD;
  }

  /** Whether a handler method would take the request (as Spring MVC would look it up). */
  boolean servedByAnEndpoint(HttpServletRequest request) {
    Isolated isolated = new Isolated(request);
    ServletRequestPathUtils.parseAndCache(isolated);
    for (RequestMappingInfoHandlerMapping mapping : mappings.orderedStream().toList()) {
      try {
        if (mapping.getHandler(isolated) != null) {
          return true;
        }
      } catch (HttpRequestMethodNotSupportedException e) {
        // the path exists with other methods: nothing runs, Spring MVC answers 405
      } catch (Exception e) {
        return true; // a handler matched the path but not the request: guard it all the same
      }
    }
    return false;
  }

  /** The request with attributes of its own: the lookup leaves nothing on the real request. */
  private static final class Isolated extends HttpServletRequestWrapper {
    private final Map<String, Object> attributes = new HashMap<>();
    private final Set<String> removed = new HashSet<>();

    Isolated(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Object getAttribute(String name) {
      if (attributes.containsKey(name)) {
        return attributes.get(name);
      }
      return removed.contains(name) ? null : super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
      names.removeAll(removed);
      names.addAll(attributes.keySet());
      return Collections.enumeration(List.copyOf(names));
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
      removed.remove(name);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
      removed.add(name);
    }
  }
}
