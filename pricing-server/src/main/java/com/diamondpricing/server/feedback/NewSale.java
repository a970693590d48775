package com.diamondpricing.server.feedback;

import com.diamondpricing.data.Diamond;
import java.time.Instant;

/**
 * A sale to record, checked: either of a stone priced here ({@code predictionId}, the stone is then
 * read from its prediction) or of a stone never priced here ({@code stone}, no prediction).
 *
 * @param predictionId the prediction it follows, or null
 * @param stone the stone, when there is no prediction; else null
 * @param actualPrice what it sold for, in dollars
 * @param soldAt when it sold
 * @param where where it came from, for error messages ({@code sales[3]}, {@code line 7}), or null
 *     for a report of one sale
 */
record NewSale(
    String predictionId, Diamond stone, double actualPrice, Instant soldAt, String where) {

  /**
   * The name of one of its fields in a problem: {@code predictionId}, {@code sales[3].soldAt}, or
   * for a CSV row {@code line 7, column prediction_id}.
   */
  String field(String name) {
    if (where == null) {
      return name;
    }
    if (where.startsWith(SalesCsv.LINE)) {
      return where + ", column " + SalesCsv.column(name);
    }
    return where + "." + name;
  }

  /**
   * The sale's idempotency key: its prediction id, or a hash of the stone, the price and the time
   * (the same stone sold again at another price or time is another sale).
   */
  String key() {
    if (predictionId != null) {
      return predictionId;
    }
    String text =
        String.join(
            "|",
            Double.toString(stone.carat()),
            stone.cut().label(),
            stone.color().label(),
            stone.clarity().label(),
            Double.toString(stone.depth()),
            Double.toString(stone.table()),
            Double.toString(stone.x()),
            Double.toString(stone.y()),
            Double.toString(stone.z()),
            Double.toString(actualPrice),
            soldAt.toString());
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return "stone:" + java.util.HexFormat.of().formatHex(digest, 0, 32);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
