package com.diamondpricing.server.fit;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.prediction.ServedModel;
import com.diamondpricing.server.prediction.ServingModels;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The {@link TestFit} of a model: its snapshot's test rows, split as the pipeline splits them,
 * priced by the model (held as any request holds it, so the champion is not loaded twice). Models
 * and snapshots never change, so the last few fits are kept.
 */
@Component
class TestFits {

  static final int KEEP = 8;

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final ServingModels serving;
  private final Map<Long, TestFit> byModel =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, TestFit> eldest) {
          return size() > KEEP;
        }
      };

  TestFits(ModelRegistry registry, DatasetStore datasets, ServingModels serving) {
    this.registry = registry;
    this.datasets = datasets;
    this.serving = serving;
  }

  /**
   * The model's fit on its test rows.
   *
   * @throws com.diamondpricing.server.registry.ModelNotFoundException when there is no such model
   */
  TestFit of(long modelId) {
    synchronized (byModel) {
      TestFit known = byModel.get(modelId);
      if (known != null) {
        return known;
      }
    }
    ModelEntry entry = registry.get(modelId);
    if (datasets.find(entry.snapshotId()).isEmpty()) {
      throw ApiException.of(
          HttpStatus.CONFLICT,
          "test-rows-unavailable",
          "Test rows unavailable",
          "Model "
              + modelId
              + " was trained on dataset snapshot "
              + entry.snapshotId()
              + ", which is no longer stored, so its test rows cannot be priced again.");
    }
    Dataset all = datasets.rows(entry.snapshotId());
    Dataset test = all.rows(TrainTestSplit.notebook(all.size()).test());
    double[] predicted;
    try (ServedModel.Lease lease = serving.lease(null, modelId)) {
      predicted = lease.served().model().predict(test);
    }
    TestFit fit = new TestFit(modelId, entry.type(), entry.version(), test.prices(), predicted);
    synchronized (byModel) {
      byModel.put(modelId, fit);
    }
    return fit;
  }
}
