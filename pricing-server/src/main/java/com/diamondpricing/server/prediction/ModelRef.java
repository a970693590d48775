package com.diamondpricing.server.prediction;

import com.diamondpricing.server.registry.ModelEntry;
import io.swagger.v3.oas.annotations.media.Schema;

/** Which model answered. */
@Schema(description = "The model that answered")
public record ModelRef(
    @Schema(example = "7") long id,
    @Schema(example = "xgboost-log") String type,
    @Schema(example = "3") int version,
    @Schema(
            description =
                "the features it learned from: all, or four-cs (carat, cut, color, clarity)",
            allowableValues = {"all", "four-cs"},
            example = "all")
        String featureSet) {

  public static ModelRef of(ModelEntry e) {
    return new ModelRef(e.id(), e.type(), e.version(), e.featureSet().label());
  }
}
