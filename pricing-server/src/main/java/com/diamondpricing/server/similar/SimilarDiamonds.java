package com.diamondpricing.server.similar;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.NoChampionProblem;
import com.diamondpricing.server.prediction.ServedModel;
import com.diamondpricing.server.prediction.ServingModels;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Similar diamonds from the serving model's training snapshot. The index is built once per
 * snapshot: when the champion moves to a model trained on another snapshot, the new index is built
 * before the new champion is swapped in (so no request waits for it); the champion loaded before
 * this service existed gets its index with the first request.
 */
@Service
public class SimilarDiamonds {

  private static final Logger log = LoggerFactory.getLogger(SimilarDiamonds.class);

  private final ServingModels models;
  private final DatasetStore datasets;
  private final AtomicReference<Indexed> current = new AtomicReference<>();

  private record Indexed(long snapshotId, SimilarDiamondsIndex index) {}

  /** The answer: the rows found and the snapshot they come from. */
  public record Found(long snapshotId, Dataset rows, int[] positions) {}

  SimilarDiamonds(ServingModels models, DatasetStore datasets) {
    this.models = models;
    this.datasets = datasets;
    models.prepareEachChampion(next -> index(next.entry().snapshotId()));
  }

  /** The snapshot the index is built on, if it is built. */
  OptionalLong indexedSnapshot() {
    Indexed i = current.get();
    return i == null ? OptionalLong.empty() : OptionalLong.of(i.snapshotId());
  }

  public Found nearest(double carat, Cut cut, Color color, Clarity clarity, int n) {
    ServedModel champion = models.champion().orElseThrow(NoChampionProblem::new);
    SimilarDiamondsIndex index = index(champion.entry().snapshotId());
    return new Found(
        champion.entry().snapshotId(),
        index.dataset(),
        index.nearest(carat, cut, color, clarity, n));
  }

  private SimilarDiamondsIndex index(long snapshotId) {
    Indexed i = current.get();
    if (i != null && i.snapshotId() == snapshotId) {
      return i.index();
    }
    synchronized (this) {
      i = current.get();
      if (i == null || i.snapshotId() != snapshotId) {
        long start = System.nanoTime();
        i = new Indexed(snapshotId, SimilarDiamondsIndex.of(datasets.rows(snapshotId)));
        current.set(i);
        log.info(
            "Indexed snapshot {} for similar diamonds ({} rows, {} ms)",
            snapshotId,
            i.index().dataset().size(),
            (System.nanoTime() - start) / 1_000_000);
      }
      return i.index();
    }
  }
}
