package com.diamondpricing.server.feedback;

import com.diamondpricing.server.problem.InstantParameter;
import com.diamondpricing.server.problem.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads a sales report's JSON: one sale {@code {predictionId, actualPrice, soldAt}} or a list of
 * them. Every field is checked; the first bad one is named ({@code actualPrice}, or {@code
 * sales[3].soldAt} in a list) and nothing is recorded.
 */
final class SaleRequests {

  static final Set<String> FIELDS = Set.of("predictionId", "actualPrice", "soldAt");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  static final double MAX_PRICE = 100_000_000;
  static final Duration FUTURE_SLACK = Duration.ofDays(1);

  private SaleRequests() {}

  static List<NewSale> read(JsonNode body, int maxSales, Clock clock) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw Problem.invalidParameter(
          "body", "the body must be a sale or a list of sales", List.of());
    }
    List<NewSale> sales = new ArrayList<>();
    if (body.isArray()) {
      if (body.isEmpty()) {
        throw Problem.invalidParameter("sales", "the list of sales is empty", List.of());
      }
      if (body.size() > maxSales) {
        throw Problem.invalidParameter(
            "sales", "at most " + maxSales + " sales per request, not " + body.size(), List.of());
      }
      for (int i = 0; i < body.size(); i++) {
        sales.add(sale(body.get(i), "sales[" + i + "]", clock));
      }
    } else {
      sales.add(sale(body, null, clock));
    }
    return sales;
  }

  private static NewSale sale(JsonNode node, String where, Clock clock) {
    if (node == null || !node.isObject()) {
      throw Problem.invalidParameter(
          where == null ? "body" : where,
          "a sale is an object {predictionId, actualPrice, soldAt}",
          List.of());
    }
    for (String name : node.propertyNames()) {
      if (!FIELDS.contains(name)) {
        throw Problem.invalidParameter(
            field(where, name),
            "unknown field '" + name + "'; a sale has predictionId, actualPrice and soldAt",
            List.of("predictionId", "actualPrice", "soldAt"));
      }
    }
    JsonNode id = node.get("predictionId");
    if (id == null || !id.isString() || !ID.matcher(id.asString()).matches()) {
      throw Problem.invalidParameter(
          field(where, "predictionId"),
          "predictionId must be the predictionId a price was given with",
          List.of());
    }
    JsonNode price = node.get("actualPrice");
    if (price == null
        || !price.isNumber()
        || !Double.isFinite(price.asDouble())
        || price.asDouble() <= 0
        || price.asDouble() > MAX_PRICE) {
      throw Problem.invalidParameter(
          field(where, "actualPrice"),
          "actualPrice must be a price in dollars, above 0 and at most 100,000,000",
          List.of());
    }
    JsonNode sold = node.get("soldAt");
    String soldField = field(where, "soldAt");
    if (sold == null || !sold.isString()) {
      throw Problem.invalidParameter(
          soldField,
          "soldAt must be an ISO-8601 instant such as 2026-11-30T12:00:00Z or a date such as"
              + " 2026-11-30 (that day, UTC)",
          List.of());
    }
    Instant soldAt = InstantParameter.parseInstantOrDay(soldField, sold.asString(), clock);
    if (soldAt == null || soldAt.isAfter(clock.instant().plus(FUTURE_SLACK))) {
      throw Problem.invalidParameter(
          soldField, "soldAt must be a time in the past, not " + sold.asString(), List.of());
    }
    return new NewSale(id.asString(), null, price.asDouble(), soldAt, where);
  }

  private static String field(String where, String name) {
    return where == null ? name : where + "." + name;
  }
}
