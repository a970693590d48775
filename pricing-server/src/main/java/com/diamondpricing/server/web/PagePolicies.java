package com.diamondpricing.server.web;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a browser may load and send from our pages: a Content-Security-Policy and a Referrer-Policy
 * on every response of the guarded chain (pages, the API, Swagger UI).
 *
 * <p>Our pages load scripts, styles, fonts and Chart.js from this origin only, with no inline
 * script or style. They draw charts on canvases and fetch the API from this origin. Swagger UI
 * (/docs) also sets style attributes in its markup and shows its icons as data: images, so its
 * policy allows inline styles and data: images, and still no inline script. No page may be framed,
 * post a form elsewhere or change its base URL. No request sends a Referer: the store's pages link
 * nowhere that needs one, and a Referer would carry a page's query to whoever it links to.
 */
final class PagePolicies {

  static final String PAGES =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final String DOCS =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private PagePolicies() {}

  static HeaderWriter contentSecurityPolicy() {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    RequestMatcher docs =
        new OrRequestMatcher(
            paths.matcher("/docs"), paths.matcher("/docs/**"), paths.matcher("/swagger-ui/**"));
    HeaderWriter docsPolicy =
        new DelegatingRequestMatcherHeaderWriter(docs, new ContentSecurityPolicyHeaderWriter(DOCS));
    HeaderWriter pagesPolicy =
        new DelegatingRequestMatcherHeaderWriter(
            new NegatedRequestMatcher(docs), new ContentSecurityPolicyHeaderWriter(PAGES));
    return (request, response) -> {
      docsPolicy.writeHeaders(request, response);
      pagesPolicy.writeHeaders(request, response);
    };
  }

  static HeaderWriter referrerPolicy() {
    return new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER);
  }
}
