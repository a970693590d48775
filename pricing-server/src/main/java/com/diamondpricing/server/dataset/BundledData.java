package com.diamondpricing.server.dataset;

import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import java.io.IOException;
import java.io.InputStream;

/** The client's dataset, shipped inside the jar as {@value #RESOURCE}. */
public final class BundledData {

  public static final String RESOURCE = "/data/diamonds.csv";

  private BundledData() {}

  /** Reads and cleans the bundled dataset. */
  public static LoadedDataset read(DiamondCsvReader reader)
      throws IOException, DatasetRejectedException {
    try (InputStream in = BundledData.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("the bundled dataset " + RESOURCE + " is missing from the jar");
      }
      return reader.read(in, "diamonds.csv (bundled)");
    }
  }
}
