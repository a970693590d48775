package com.diamondpricing.server.prediction;

import com.diamondpricing.server.system.AdminToken;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who a pricing request counts against: the admin (the admin token as a bearer, checked in constant
 * time: the pricing endpoints pass no authentication filter) or else the address of the connection,
 * never a header a client writes ({@code X-Forwarded-For} is not read). An IPv6 client is its /64
 * network, which one subscriber usually holds whole. An API key will be another kind.
 *
 * @param key the budget's key: {@code admin}, or {@code address:<address>}
 * @param admin whether the admin limits apply
 */
record PricingClient(String key, boolean admin) {

  private static final String BEARER = "Bearer ";
  static final PricingClient ADMIN = new PricingClient("admin", true);

  /** The client of a request. */
  static PricingClient of(HttpServletRequest request, AdminToken token) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && token.matches(authorization.substring(BEARER.length()))) {
      return ADMIN;
    }
    return new PricingClient("address:" + network(request.getRemoteAddr()), false);
  }

  /** The address, or for IPv6 its /64 network ({@code 2001:db8:1:2::/64}). */
  static String network(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    try {
      // a literal (the container gives one): no name lookup happens
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address) {
        byte[] bytes = parsed.getAddress();
        for (int i = 8; i < bytes.length; i++) {
          bytes[i] = 0;
        }
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
