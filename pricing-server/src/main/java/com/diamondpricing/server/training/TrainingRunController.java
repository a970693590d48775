package com.diamondpricing.server.training;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.server.dataset.DatasetRejectedProblem;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.dataset.IngestResult;
import com.diamondpricing.server.problem.Problem;
import com.diamondpricing.server.registry.ModelChoice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Training runs over HTTP: start one on an uploaded CSV file or on a stored snapshot (both answer
 * 202 with the queued run), follow its progress, list the latest.
 */
@RestController
@RequestMapping(TrainingRunController.PATH)
@Tag(
    name = "Training runs",
    description =
        "Start a run on an uploaded CSV file or on stored data (admin; 202 with the queued run,"
            + " 429 when the queue is full), follow its progress, list the latest runs.")
class TrainingRunController {

  static final String PATH = "/api/v1/training-runs";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final DatasetStore datasets;
  private final TrainingPipeline pipeline;
  private final ModelChoice choice;

  TrainingRunController(DatasetStore datasets, TrainingPipeline pipeline, ModelChoice choice) {
    this.datasets = datasets;
    this.pipeline = pipeline;
    this.choice = choice;
  }

  /**
   * Ingests an uploaded CSV file (rejected whole, with its quality report, when it is bad) and
   * queues a run on the snapshot it became. The file's rows are added to the current data unless
   * {@code mode=replace} says otherwise: replacing is never the default.
   */
  @Operation(
      summary = "Train on an uploaded CSV file",
      description =
          "Stores the file's clean rows, added to the current data (mode=append, the default) or"
              + " in its place (mode=replace), and queues a run on them. The answer's"
              + " dataset.report lists every row left out with its line and reason: malformed"
              + " rows under problems, rows the cleaning dropped (price <= 0, x * y * z == 0)"
              + " under droppedRows (the first 100 of each; malformedRows and rowsDropped count"
              + " them all); dataset.rows is how many rows the current data now has.")
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.ACCEPTED)
  ResponseEntity<TrainingRunView> upload(
      @RequestPart("file") MultipartFile file,
      @Parameter(
              description =
                  "append (default): the file's rows are added to the current data; replace:"
                      + " they take its place",
              example = "append",
              schema =
                  @Schema(
                      allowableValues = {"append", "replace"},
                      defaultValue = "append"))
          @RequestParam(name = "mode", defaultValue = "append")
          String mode,
      @RequestParam(name = "models", required = false) List<String> models,
      @RequestParam(name = "trials", required = false) Integer trials)
      throws IOException {
    IngestMode ingestMode = ingestMode(mode);
    List<String> names = modelTypes(models);
    checkTrials(trials);
    IngestResult ingest;
    try (InputStream in = file.getInputStream()) {
      ingest = datasets.ingest(in, source(file), ingestMode);
    } catch (DatasetRejectedException e) {
      throw DatasetRejectedProblem.of(e);
    }
    TrainingRun run =
        pipeline.submit(
            new TrainingPipeline.RunRequest(ingest.snapshot().id(), names, trials), Trigger.API);
    return accepted(TrainingRunView.of(run, ingest));
  }

  /** Queues a run on a stored snapshot, the current one unless the body names another. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @org.springframework.web.bind.annotation.ResponseStatus(
      org.springframework.http.HttpStatus.ACCEPTED)
  ResponseEntity<TrainingRunView> start(@RequestBody(required = false) NewRunRequest body) {
    NewRunRequest request = body == null ? NewRunRequest.EMPTY : body;
    List<String> names = modelTypes(request.models());
    checkTrials(request.trials());
    long snapshotId;
    if (request.snapshotId() != null) {
      snapshotId =
          datasets
              .find(request.snapshotId())
              .orElseThrow(
                  () ->
                      Problem.invalidParameter(
                          "snapshotId",
                          "there is no dataset snapshot " + request.snapshotId(),
                          List.of()))
              .id();
    } else {
      snapshotId =
          datasets
              .current()
              .orElseThrow(
                  () ->
                      Problem.of(
                          Problem.Kind.CONFLICT,
                          "no-data",
                          "No data yet",
                          "There is no data to train on yet: upload a CSV file first."))
              .id();
    }
    TrainingRun run =
        pipeline.submit(
            new TrainingPipeline.RunRequest(snapshotId, names, request.trials()), Trigger.API);
    return accepted(TrainingRunView.of(run, null));
  }

  @GetMapping("/{id:\\d+}")
  @io.swagger.v3.oas.annotations.Operation(
      summary = "One training run",
      description =
          "Its status, progress (model k of n, trial k of N, best validation MAE), each model's"
              + " outcome with why it was or was not promoted, and the run it retries.")
  TrainingRunView get(@PathVariable("id") long id) {
    return TrainingRunView.of(pipeline.get(id), null);
  }

  /** The latest runs, newest first. */
  @GetMapping
  @io.swagger.v3.oas.annotations.Operation(
      summary = "The latest training runs",
      description = "Newest first, 1 to " + MAX_LIMIT + " of them (default " + DEFAULT_LIMIT + ").")
  List<TrainingRunView> list(
      @RequestParam(name = "limit", defaultValue = "" + DEFAULT_LIMIT) int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Problem.invalidParameter(
          "limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + limit, List.of());
    }
    return pipeline.list(limit).stream().map(r -> TrainingRunView.of(r, null)).toList();
  }

  private static ResponseEntity<TrainingRunView> accepted(TrainingRunView run) {
    return ResponseEntity.accepted().location(URI.create(PATH + "/" + run.id())).body(run);
  }

  private static IngestMode ingestMode(String mode) {
    try {
      return IngestMode.parse(mode);
    } catch (IllegalArgumentException e) {
      throw Problem.invalidParameter(
          "mode", e.getMessage(), List.of(IngestMode.APPEND.value(), IngestMode.REPLACE.value()));
    }
  }

  /** The requested types as {@link ModelChoice} reads them; a refusal is a 400 problem. */
  private List<String> modelTypes(List<String> requested) {
    return choice.models(requested);
  }

  private static void checkTrials(Integer trials) {
    if (trials != null) {
      ModelChoice.trials(trials);
    }
  }

  private static String source(MultipartFile file) {
    String name = StringUtils.getFilename(file.getOriginalFilename());
    return (name == null || name.isBlank() ? "upload.csv" : name.strip()) + " (upload)";
  }
}
