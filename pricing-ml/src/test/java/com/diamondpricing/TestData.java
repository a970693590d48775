package com.diamondpricing;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's bundled dataset, for tests. */
public final class TestData {

  private static LoadedDataset bundled;

  private TestData() {}

  /** {@code data/diamonds.csv} at the project's root. */
  public static Path bundledFile() {
    for (Path p : new Path[] {Path.of("data/diamonds.csv"), Path.of("../data/diamonds.csv")}) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IllegalStateException(
        "data/diamonds.csv not found from " + Path.of("").toAbsolutePath());
  }

  /** The bundled dataset, read and cleaned once. */
  public static synchronized LoadedDataset bundled() {
    if (bundled == null) {
      try {
        bundled = new DiamondCsvReader().read(bundledFile());
      } catch (Exception e) {
        throw new IllegalStateException("the bundled dataset does not load", e);
      }
    }
    return bundled;
  }

  public static Dataset bundledClean() {
    return bundled().dataset();
  }
}
