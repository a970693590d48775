package com.diamondpricing.server.registry;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.LibraryVersions;
import com.diamondpricing.model.ModelType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two trainings the same: the model type and its recipe ({@link ModelType#recipe()}),
 * the feature set, the data's content hash, the seed, the trials, the trials run at once (a study
 * is reproducible for a given seed and worker count), the engine and the library's version. The
 * same again would register the same model; the run reports the model already registered instead. A
 * new recipe or library trains anew.
 */
public final class ModelFingerprint {

  private ModelFingerprint() {}

  /** SHA-256 of the inputs, in hex. */
  public static String of(
      ModelType type,
      FeatureSet featureSet,
      String dataHash,
      long seed,
      int trials,
      int workers,
      String engine) {
    String text =
        String.join(
            "\n",
            "type=" + type.name(),
            "recipe=" + type.recipe(),
            "features=" + featureSet.label(),
            "data=" + dataHash,
            "seed=" + seed,
            "trials=" + trials,
            "workers=" + workers,
            "engine=" + engine,
            "pricing-ml=" + LibraryVersions.of().get("pricing-ml"));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }
}
