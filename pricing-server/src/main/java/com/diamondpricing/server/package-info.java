/**
 * The diamond-pricing HTTP service and its command line, packaged by feature. Three kinds of
 * package, held to their rules by {@code ServerArchitectureTests} and drawn in {@code
 * docs/architecture.md}:
 *
 * <ul>
 *   <li>the base, used by all and using none: {@code system} (settings, database, clock, the admin
 *       token, request ids) and {@code problem} (the words a feature refuses in);
 *   <li>the features, every other package but the two edges: {@code dataset}, {@code feedback},
 *       {@code inbox}, {@code ledger}, {@code page}, {@code prediction}, {@code registry}, {@code
 *       requestlog}, {@code similar}, {@code sparkjobs}, {@code testfit}, {@code training};
 *   <li>the edges, using features and used by none: {@code web} (HTTP: the guard, the filters, the
 *       problem answers, the request capture) and {@code cli} (picocli commands).
 * </ul>
 */
package com.diamondpricing.server;
