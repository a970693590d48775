package com.diamondpricing.server.similar;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.server.prediction.GradeValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training diamonds like a given one. */
@RestController
@RequestMapping("/api/v1/diamonds")
@Tag(
    name = "Similar diamonds",
    description =
        "The n diamonds of the serving model's training data with the same cut, color and clarity"
            + " and the closest carat.")
class SimilarController {

  private final SimilarDiamonds similar;

  SimilarController(SimilarDiamonds similar) {
    this.similar = similar;
  }

  @Schema(description = "A diamond of the training data")
  record SimilarDiamond(
      double carat,
      String cut,
      String color,
      String clarity,
      double depth,
      double table,
      double price,
      double x,
      double y,
      double z,
      @Schema(description = "|carat - the asked carat|", example = "0.01") double caratDistance) {

    /** A training stone, its price and its distance in carat, as the answer gives them. */
    static SimilarDiamond of(Diamond d, double price, double caratDistance) {
      return new SimilarDiamond(
          d.carat(),
          d.cut().label(),
          d.color().label(),
          d.clarity().label(),
          d.depth(),
          d.table(),
          price,
          d.x(),
          d.y(),
          d.z(),
          caratDistance);
    }
  }

  @Schema(description = "The similar diamonds, nearest in carat first")
  record SimilarResponse(List<SimilarDiamond> diamonds, long snapshotId) {}

  @GetMapping("/similar")
  @Operation(
      summary = "Diamonds like this one",
      description =
          "The n diamonds of the serving model's training snapshot with the same cut, color and"
              + " clarity and the closest carat, nearest first. Ties: at equal distance the lower"
              + " carat comes first; at equal carat the diamond that comes first in the snapshot."
              + " No match gives an empty list.")
  SimilarResponse similar(
      @Parameter(description = "carat, > 0 and <= 10", example = "1.1")
          @RequestParam
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("10")
          double carat,
      @Parameter(
              description = "cut",
              example = "Ideal",
              schema = @Schema(allowableValues = {"Fair", "Good", "Very Good", "Ideal", "Premium"}))
          @RequestParam
          @GradeValue(Cut.class)
          String cut,
      @Parameter(
              description = "color",
              example = "H",
              schema = @Schema(allowableValues = {"D", "E", "F", "G", "H", "I", "J"}))
          @RequestParam
          @GradeValue(Color.class)
          String color,
      @Parameter(
              description = "clarity",
              example = "SI2",
              schema =
                  @Schema(
                      allowableValues = {"IF", "VVS1", "VVS2", "VS1", "VS2", "SI1", "SI2", "I1"}))
          @RequestParam
          @GradeValue(Clarity.class)
          String clarity,
      @Parameter(description = "how many, 1 to 100", example = "5")
          @RequestParam(defaultValue = "5")
          @Min(1)
          @Max(100)
          int n) {
    SimilarDiamonds.Found found =
        similar.nearest(carat, Cut.parse(cut), Color.parse(color), Clarity.parse(clarity), n);
    Dataset d = found.rows();
    List<SimilarDiamond> out = new ArrayList<>(found.positions().length);
    for (int i : found.positions()) {
      out.add(
          SimilarDiamond.of(
              d.diamond(i), d.price(i), Math.round(Math.abs(d.carat(i) - carat) * 1e6) / 1e6));
    }
    return new SimilarResponse(out, found.snapshotId());
  }
}
