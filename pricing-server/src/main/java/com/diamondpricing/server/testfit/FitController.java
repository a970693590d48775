package com.diamondpricing.server.testfit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A model's goodness of fit: its predictions against the actual prices of its own test rows, as
 * points to draw and as the notebook's plot, a PNG image.
 */
@RestController
@RequestMapping(FitController.PATH)
@Tag(name = "Models")
class FitController {

  static final String PATH = "/api/v1/models";

  private final TestFits fits;
  private final ModelComparisons comparisons;

  FitController(TestFits fits, ModelComparisons comparisons) {
    this.fits = fits;
    this.comparisons = comparisons;
  }

  @GetMapping("/{id:\\d+}/comparison")
  @Operation(
      summary = "Two models on the same rows, neither trained on",
      description =
          "What a promotion is decided on: the model and another (by default its feature set's"
              + " champion) scored on the same rows, the test rows of one's data less every row"
              + " the other trained on, so neither has seen a row it is scored on. Their metrics"
              + " side by side, and up to `points` of the rows (actual price, each model's price)"
              + " for overlaid fit and residual plots. With fewer than 50 such rows, comparable is"
              + " false and note says why: the two cannot be compared like with like.")
  ComparisonView comparison(
      @PathVariable("id") long id,
      @Parameter(
              description = "the other model's id (default: the champion of the model's features)",
              example = "2")
          @RequestParam(name = "with", required = false)
          Long with,
      @Parameter(description = "how many rows to return for the plots, 0 to 20000", example = "500")
          @RequestParam(defaultValue = "500")
          int points) {
    return comparisons.compare(id, with, points);
  }

  @GetMapping("/{id:\\d+}/fit")
  @Operation(
      summary = "Predicted against actual prices on the model's test rows",
      description =
          "The model prices its own test rows again (its snapshot, split as training split it);"
              + " mae and r2 are over every test row, points are up to `points` rows spread"
              + " evenly over them, always the same ones.")
  FitView fit(
      @PathVariable("id") long id,
      @Parameter(description = "how many rows to return, 1 to 20000", example = "2000")
          @RequestParam(defaultValue = "" + TestFits.DEFAULT_POINTS)
          int points) {
    return fits.view(id, points);
  }

  @GetMapping(value = "/{id:\\d+}/plots/fit.png", produces = MediaType.IMAGE_PNG_VALUE)
  @Operation(
      summary = "The goodness-of-fit plot as a PNG image",
      description =
          "The notebook's plot_gof: every test row's predicted price against its actual price,"
              + " with the identity line; its subtitle gives the test MAE and R2. A download named"
              + " after the model.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "the plot",
              content =
                  @Content(
                      mediaType = MediaType.IMAGE_PNG_VALUE,
                      schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<byte[]> plot(
      @PathVariable("id") long id,
      @Parameter(description = "width in pixels, 200 to 2000", example = "800")
          @RequestParam(defaultValue = "" + TestFits.DEFAULT_SIZE)
          int width,
      @Parameter(description = "height in pixels, 200 to 2000", example = "800")
          @RequestParam(defaultValue = "" + TestFits.DEFAULT_SIZE)
          int height) {
    TestFits.FitPng png = fits.png(id, width, height);
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .contentLength(png.bytes().length)
        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
        .header(
            "Content-Disposition",
            ContentDisposition.inline().filename(png.fileName()).build().toString())
        .body(png.bytes());
  }
}
