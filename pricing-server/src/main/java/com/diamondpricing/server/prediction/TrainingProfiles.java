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
 * The {@link TrainingProfile} of the rows a served model learned from: every row of its snapshot
 * for a model refitted on all of them, else the snapshot's training part (split as the pipeline
 * splits it). Read once per snapshot and kind, and kept for the last few.
 */
@Component
public class TrainingProfiles {

  private static final Logger log = LoggerFactory.getLogger(TrainingProfiles.class);
  private static final int KEEP = 8;

  private final DatasetStore datasets;

  /** The rows of a snapshot a profile covers: all of them, or its training part. */
  private record Rows(long snapshotId, boolean all) {}

  private final Map<Rows, TrainingProfile> bySnapshot =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Rows, TrainingProfile> eldest) {
          return size() > KEEP;
        }
      };

  TrainingProfiles(DatasetStore datasets) {
    this.datasets = datasets;
  }

  /** The profile of the model's training rows; empty when its snapshot cannot be read. */
  public Optional<TrainingProfile> of(ModelEntry model) {
    Rows snapshot = new Rows(model.snapshotId(), model.servesEveryRow());
    synchronized (bySnapshot) {
      TrainingProfile known = bySnapshot.get(snapshot);
      if (known != null) {
        return Optional.of(known);
      }
    }
    TrainingProfile profile;
    try {
      Dataset all = datasets.rows(snapshot.snapshotId());
      profile =
          TrainingProfile.of(
              snapshot.all() ? all : all.rows(TrainTestSplit.notebook(all.size()).train()));
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
