package com.diamondpricing.server.registry;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelTypes;
import java.util.List;
import java.util.Set;

/** The names of the features a registered model reads. */
final class ModelFeatures {

  private static final ModelTypes TYPES = ModelTypes.discover();

  private ModelFeatures() {}

  static List<String> of(ModelEntry m) {
    Set<Feature> read =
        m.featureSet() != FeatureSet.ALL
            ? m.featureSet().features()
            : TYPES.contains(m.type()) ? TYPES.get(m.type()).features() : FeatureSet.ALL.features();
    return read.stream().sorted().map(Feature::column).toList();
  }
}
