package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DatasetCodec;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A test model type that learns its training rows by heart: the exact price of a stone it trained
 * on, else the median price of the training stones of the nearest tenth of a carat. Perfect on the
 * rows it saw, poor elsewhere: the champion whose in-sample error would win an unfair comparison.
 */
final class MemorizingModelType implements ModelType {

  static final String NAME = "memorizer";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Knows its training rows by heart (tests only)";
  }

  @Override
  public Set<Feature> features() {
    return FeatureSet.ALL.features();
  }

  @Override
  public Set<Feature> requiredFeatures() {
    return features();
  }

  @Override
  public Trainer trainer(TrainingOptions options) {
    return train -> new Memory(train);
  }

  @Override
  public TrainedModel load(byte[] artifact) throws ModelLoadException {
    try {
      return new Memory(DatasetCodec.decode(artifact));
    } catch (RuntimeException e) {
      throw new ModelLoadException("not a memorizer's rows", e);
    }
  }

  private static final class Memory implements TrainedModel {

    private final Dataset rows;
    private final Map<Diamond, Double> known = new HashMap<>();
    private final TreeMap<Long, Double> byTenth = new TreeMap<>();

    Memory(Dataset rows) {
      this.rows = rows;
      Map<Long, List<Double>> prices = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        known.put(rows.diamond(i), rows.price(i));
        prices
            .computeIfAbsent(Math.round(rows.carat(i) * 10), k -> new ArrayList<>())
            .add(rows.price(i));
      }
      prices.forEach(
          (tenth, p) -> {
            double[] sorted = p.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            byTenth.put(tenth, sorted[sorted.length / 2]);
          });
    }

    @Override
    public String type() {
      return NAME;
    }

    @Override
    public double predict(Diamond d) {
      Double price = known.get(d);
      if (price != null) {
        return price;
      }
      long tenth = Math.round(d.carat() * 10);
      Map.Entry<Long, Double> below = byTenth.floorEntry(tenth);
      Map.Entry<Long, Double> above = byTenth.ceilingEntry(tenth);
      if (below == null) {
        return above.getValue();
      }
      if (above == null || tenth - below.getKey() <= above.getKey() - tenth) {
        return below.getValue();
      }
      return above.getValue();
    }

    @Override
    public double[] predict(List<Diamond> diamonds) {
      return diamonds.stream().mapToDouble(this::predict).toArray();
    }

    @Override
    public double[] predict(Dataset d) {
      double[] p = new double[d.size()];
      Arrays.setAll(p, i -> predict(d.diamond(i)));
      return p;
    }

    @Override
    public Provenance provenance() {
      return new Provenance(
          NAME,
          rows.contentHash(),
          rows.size(),
          42,
          Map.of(),
          Map.of(),
          Instant.EPOCH,
          0,
          null,
          List.of());
    }

    @Override
    public byte[] artifact() {
      return DatasetCodec.encode(rows);
    }
  }
}
