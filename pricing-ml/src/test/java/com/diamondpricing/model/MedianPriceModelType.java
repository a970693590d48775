package com.diamondpricing.model;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only model type, registered in the test class path's service file: prices every diamond at
 * the training data's median price. It proves that a new type is one class and one line.
 */
public final class MedianPriceModelType implements ModelType {

  @Override
  public String name() {
    return "median-price";
  }

  @Override
  public String description() {
    return "The median training price, whatever the diamond";
  }

  @Override
  public Set<Feature> features() {
    return EnumSet.of(Feature.CARAT);
  }

  @Override
  public Set<Feature> requiredFeatures() {
    return features();
  }

  @Override
  public Trainer trainer(TrainingOptions options) {
    return train -> {
      double[] prices = train.prices();
      Arrays.sort(prices);
      double median =
          prices.length % 2 == 1
              ? prices[prices.length / 2]
              : (prices[prices.length / 2 - 1] + prices[prices.length / 2]) / 2;
      return new Median(median, provenance(train, options));
    };
  }

  @Override
  public TrainedModel load(byte[] artifact) throws ModelLoadException {
    try {
      return new Median(
          Double.parseDouble(new String(artifact, StandardCharsets.UTF_8)),
          new Provenance(
              name(), "loaded", 0, 0, Map.of(), Map.of(), Instant.EPOCH, 0, null, List.of()));
    } catch (NumberFormatException e) {
      throw new ModelLoadException("not a median", e);
    }
  }

  private Provenance provenance(Dataset train, TrainingOptions options) {
    return new Provenance(
        name(),
        train.contentHash(),
        train.size(),
        options.seed(),
        Map.of(),
        Map.of(),
        Instant.now(),
        0,
        null,
        List.of());
  }

  private record Median(double price, Provenance provenance) implements TrainedModel {

    @Override
    public String type() {
      return "median-price";
    }

    @Override
    public double predict(Diamond diamond) {
      return price;
    }

    @Override
    public double[] predict(List<Diamond> diamonds) {
      double[] p = new double[diamonds.size()];
      Arrays.fill(p, price);
      return p;
    }

    @Override
    public double[] predict(Dataset rows) {
      double[] p = new double[rows.size()];
      Arrays.fill(p, price);
      return p;
    }

    @Override
    public byte[] artifact() {
      return Double.toString(price).getBytes(StandardCharsets.UTF_8);
    }
  }
}
