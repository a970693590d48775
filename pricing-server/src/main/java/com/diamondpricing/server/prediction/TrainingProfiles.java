package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.registry.ModelEntry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The {@link TrainingProfile} of a model's training rows (its snapshot's training part, split as
 * the pipeline splits it), read once per snapshot and kept for the last few snapshots.
 */
@Component
public class TrainingProfiles {

  private static final Logger log = LoggerFactory.getLogger(TrainingProfiles.class);
  private static final int KEEP = 8;

  private final DatasetStore datasets;
  private final Map<Long, TrainingProfile> bySnapshot =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TrainingProfile> eldest) {
          return size() > KEEP;
        }
      };

  TrainingProfiles(DatasetStore datasets) {
    this.datasets = datasets;
  }

  /** The profile of the model's training rows; empty when its snapshot cannot be read. */
  public Optional<TrainingProfile> of(ModelEntry model) {
    long snapshot = model.snapshotId();
    synchronized (bySnapshot) {
      TrainingProfile known = bySnapshot.get(snapshot);
      if (known != null) {
        return Optional.of(known);
      }
    }
    TrainingProfile profile;
    try {
      Dataset all = datasets.rows(snapshot);
      profile = TrainingProfile.of(all.rows(TrainTestSplit.notebook(all.size()).train()));
    } catch (RuntimeException e) {
      log.warn("No training profile for snapshot {}: {}", snapshot, e.toString());
      return Optional.empty();
    }
    synchronized (bySnapshot) {
      bySnapshot.put(snapshot, profile);
    }
    return Optional.of(profile);
  }
}
