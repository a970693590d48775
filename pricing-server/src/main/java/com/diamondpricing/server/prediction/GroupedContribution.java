package com.diamondpricing.server.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One contribution in the shop's words: a group of features read together (Size: carat, length,
 * width and depth) or a single feature, its dollars the sum of its parts' to the cent, and its
 * parts for a client that shows them.
 *
 * @param group the group's key: {@code size}, or the feature's column ({@code cut}, ...)
 * @param label its name in words
 * @param description what it measures, in a sentence
 * @param contribution in dollars, the sum of its parts'
 * @param factor for a model on log(price), the product of its parts' factors; absent otherwise
 * @param parts the features it is made of, each with its own name, description and dollars
 */
@Schema(description = "A contribution in words: a group of features read together, or one feature")
public record GroupedContribution(
    @Schema(example = "size") String group,
    @Schema(example = "Size") String label,
    @Schema(
            example =
                "how big the stone is: its weight in carats and its length, width and depth"
                    + " together, read as one because they measure the same thing")
        String description,
    @Schema(example = "2905.12") double contribution,
    @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "1.84") Double factor,
    List<Part> parts) {

  /**
   * One feature of a group.
   *
   * @param feature the feature's column, as in {@code contributions}
   * @param label its name in words
   * @param description what it measures, in a sentence
   * @param contribution in dollars, as in {@code contributions}
   * @param factor as in {@code factors}; absent for a model on price
   */
  @Schema(description = "One feature of a grouped contribution")
  public record Part(
      @Schema(example = "x") String feature,
      @Schema(example = "length (x, mm)") String label,
      @Schema(example = "the stone's length, in millimetres") String description,
      @Schema(example = "3692.4") double contribution,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(example = "3.16") Double factor) {}
}
