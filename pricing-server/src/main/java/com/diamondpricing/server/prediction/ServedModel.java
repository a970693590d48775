package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model ready to answer: its registry entry, its type and the loaded model. Requests hold it
 * through a {@link Lease}; once {@link ServingModels} lets go of it (evicted, or a champion
 * replaced), it is closed, freeing native memory, as soon as the last request holding it is done. A
 * request keeps the model it started with even when the champion moves meanwhile.
 */
public final class ServedModel {

  private static final Logger log = LoggerFactory.getLogger(ServedModel.class);

  private final ModelEntry entry;
  private final ModelType type;
  private final TrainedModel model;
  private final Set<Feature> required;
  private final List<String> features;

  /** Requests holding it; -1 once closed. */
  private final AtomicInteger users = new AtomicInteger();

  private volatile boolean retired;

  /** The training rows' profile, read on first use. */
  private volatile TrainingProfile profile;

  /** When reading the profile last failed (System.nanoTime), or 0: tried again after a while. */
  private volatile long profileFailedAt;

  private static final long RETRY_PROFILE_NANOS = 30_000_000_000L;

  ServedModel(ModelEntry entry, ModelType type, TrainedModel model) {
    this.entry = entry;
    this.type = type;
    this.model = model;
    this.required = type.requiredFeatures(model.featureSet());
    this.features = featuresOf(type, model.featureSet());
  }

  /** The names of the features a model of this type and feature set reads. */
  public static List<String> featuresOf(ModelType type, FeatureSet set) {
    Set<Feature> read = set == FeatureSet.ALL ? type.features() : set.features();
    return read.stream().sorted().map(Feature::column).toList();
  }

  /** The names of the features the model reads. */
  public List<String> features() {
    return features;
  }

  /** The features a stone must have for this model to price it. */
  public Set<Feature> requiredFeatures() {
    return required;
  }

  /** Whether a stone with these features present can be priced by this model. */
  boolean prices(Set<Feature> present) {
    return present.containsAll(required);
  }

  public ModelEntry entry() {
    return entry;
  }

  public ModelType type() {
    return type;
  }

  public TrainedModel model() {
    return model;
  }

  /**
   * The profile of the model's training rows, read once; null while it cannot be read (the read is
   * tried again 30 s after a failure, so a database hiccup does not cost the warnings for good).
   */
  TrainingProfile profile(TrainingProfiles profiles) {
    TrainingProfile p = profile;
    if (p != null) {
      return p;
    }
    long failed = profileFailedAt;
    if (failed != 0 && System.nanoTime() - failed < RETRY_PROFILE_NANOS) {
      return null;
    }
    p = profiles.of(entry).orElse(null);
    if (p == null) {
      profileFailedAt = System.nanoTime();
    } else {
      profile = p;
    }
    return p;
  }

  /** A hold on the model for one request; null when it is closed already. */
  Lease lease() {
    while (true) {
      int n = users.get();
      if (n < 0) {
        return null;
      }
      if (users.compareAndSet(n, n + 1)) {
        return new Lease(this);
      }
    }
  }

  /** No new holder will come from the server: close once nobody holds it. */
  void retire() {
    retired = true;
    closeIfUnused();
  }

  boolean closed() {
    return users.get() < 0;
  }

  private void release() {
    if (users.decrementAndGet() == 0 && retired) {
      closeIfUnused();
    }
  }

  private void closeIfUnused() {
    if (users.compareAndSet(0, -1)) {
      try {
        model.close();
      } catch (Exception e) {
        log.warn("Model {}: closing it failed: {}", entry.id(), e.toString());
      }
    }
  }

  /** One request's hold on a served model; closing it lets the model go. */
  public static final class Lease implements AutoCloseable {
    private final ServedModel served;
    private boolean released;

    private Lease(ServedModel served) {
      this.served = served;
    }

    public ServedModel served() {
      return served;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        served.release();
      }
    }
  }
}
