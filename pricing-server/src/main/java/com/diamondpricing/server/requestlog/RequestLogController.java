package com.diamondpricing.server.requestlog;

import com.diamondpricing.server.problem.InstantParameter;
import com.diamondpricing.server.problem.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The request log over HTTP (the admin token is required: see web.SecurityConfiguration). */
@RestController
@RequestMapping(RequestLogController.PATH)
@Tag(
    name = "Request log",
    description =
        "Every API request and its response, newest first. Requires 'Authorization: Bearer <admin"
            + " token>'.")
class RequestLogController {

  static final String PATH = "/api/v1/request-log";
  static final int DEFAULT_LIMIT = 100;

  private final RequestLogStore store;
  private final long maxPageBytes;
  private final Clock clock;

  RequestLogController(RequestLogStore store, RequestLogProperties properties, Clock clock) {
    this.store = store;
    this.maxPageBytes = properties.maxPageSize().toBytes();
    this.clock = clock;
  }

  @Schema(description = "Recorded requests, newest first")
  record RequestLogPage(
      int count,
      List<RequestLogEntry> records,
      @Schema(
              description =
                  "the next (older) page, with the same filters; null on the last page. A page"
                      + " holds at most `limit` records and about diamonds.request-log"
                      + ".max-page-size (4 MB) of bodies")
          String next) {}

  @GetMapping
  @Operation(
      summary = "Recorded requests, newest first",
      description =
          "Filters combine: received at or after `since`, before `until` (ISO-8601 instants),"
              + " path starting with `path`, exact `status`; `limit` 1 to 1000 (default 100).")
  RequestLogPage list(
      @Parameter(
              description = "ISO-8601 instant from 2000-01-01 to a day ahead, inclusive",
              example = "2026-01-01T00:00:00Z")
          @RequestParam(required = false)
          String since,
      @Parameter(description = "ISO-8601 instant from 2000-01-01 to a day ahead, exclusive")
          @RequestParam(required = false)
          String until,
      @Parameter(description = "path prefix", example = "/api/v1/predictions")
          @RequestParam(required = false)
          String path,
      @Parameter(description = "HTTP status", example = "422") @RequestParam(required = false)
          Integer status,
      @Parameter(description = "1 to 1000") @RequestParam(defaultValue = "" + DEFAULT_LIMIT)
          int limit,
      @Parameter(description = "a page's `next` cursor: only records older than it")
          @RequestParam(required = false)
          String before) {
    Instant from = InstantParameter.parse("since", since, clock);
    Instant to = InstantParameter.parse("until", until, clock);
    if (from != null && to != null && !from.isBefore(to)) {
      throw Problem.invalidParameter("until", "until must be later than since", List.of());
    }
    if (limit < 1 || limit > RequestLogStore.MAX_LIMIT) {
      throw Problem.invalidParameter(
          "limit",
          "limit must be between 1 and " + RequestLogStore.MAX_LIMIT + ", not " + limit,
          List.of());
    }
    if (status != null && (status < 100 || status > 599)) {
      throw Problem.invalidParameter(
          "status", "status must be an HTTP status (100 to 599), not " + status, List.of());
    }
    RequestLogStore.Cursor cursor = null;
    if (before != null && !before.isBlank()) {
      cursor = RequestLogStore.Cursor.parse(before.strip());
      if (cursor == null) {
        throw Problem.invalidParameter(
            "before", "before must be a page's next cursor, such as 1767225600000.42", List.of());
      }
    }
    RequestLogStore.Page page = store.page(from, to, path, status, cursor, limit, maxPageBytes);
    String next = null;
    if (page.next() != null) {
      next =
          UriComponentsBuilder.fromPath(PATH)
              .queryParamIfPresent("since", java.util.Optional.ofNullable(since))
              .queryParamIfPresent("until", java.util.Optional.ofNullable(until))
              .queryParamIfPresent("path", java.util.Optional.ofNullable(path))
              .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
              .queryParam("limit", limit)
              .queryParam("before", page.next().text())
              .encode()
              .build()
              .toUriString();
    }
    return new RequestLogPage(page.records().size(), page.records(), next);
  }
}
