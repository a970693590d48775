package com.diamondpricing.server.dataset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The current data over HTTP: how many rows it has and where they came from, so that a client can
 * say what replacing it would replace before it does (the runs page asks first).
 */
@RestController
@Tag(name = "Data", description = "The current data the training runs train on.")
class DatasetController {

  static final String PATH = "/api/v1/datasets/current";

  private final DatasetStore datasets;

  DatasetController(DatasetStore datasets) {
    this.datasets = datasets;
  }

  /**
   * The current data.
   *
   * @param snapshotId its snapshot, or null when no data was ever stored
   * @param rows its rows (0 when there is none)
   * @param source where its latest rows came from, or null
   * @param mode whether its snapshot replaced the data before or was appended to it, or null
   * @param createdAt when it was stored, or null
   */
  @Schema(description = "The current data: its snapshot and how many rows it has")
  record CurrentData(
      @Schema(example = "3") Long snapshotId,
      @Schema(example = "4989") long rows,
      @Schema(example = "diamonds.csv (upload)") String source,
      @Schema(example = "append") String mode,
      Instant createdAt) {}

  @Operation(
      summary = "The current data",
      description =
          "Its snapshot, its rows, where they came from and when: what an upload with"
              + " mode=replace would replace (no data yet: rows 0 and nulls).")
  @GetMapping(PATH)
  CurrentData current() {
    return datasets
        .current()
        .map(
            s -> new CurrentData(s.id(), s.rowsKept(), s.source(), s.mode().value(), s.createdAt()))
        .orElse(new CurrentData(null, 0, null, null, null));
  }
}
