package com.diamondpricing.server.training;

import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.server.dataset.BundledData;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.dataset.Snapshot;
import com.diamondpricing.server.registry.ModelRegistry;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At server start: recovers runs a crash left behind, and when the registry is empty ingests the
 * bundled dataset, trains {@code linear} at once so the server serves within seconds, and queues
 * the other model types in the background (promoted if better). A registry with models but no
 * champion for a feature set (one kept from before feature sets: stones without measurements cannot
 * be priced) gets a run of every type on the current data queued, once.
 */
@Component
@ConditionalOnProperty(name = "diamonds.bootstrap", havingValue = "true", matchIfMissing = true)
class Bootstrap {

  private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
  static final String FIRST_TYPE = "linear";

  private final TrainingPipeline pipeline;
  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final ModelTypes types;

  Bootstrap(
      TrainingPipeline pipeline, ModelRegistry registry, DatasetStore datasets, ModelTypes types) {
    this.pipeline = pipeline;
    this.registry = registry;
    this.datasets = datasets;
    this.types = types;
  }

  /**
   * Queues a run of every type on the current data when a feature set some type trains has no
   * champion, unless a bootstrap run is queued or running already.
   */
  private void queueMissingFeatureSets() {
    List<FeatureSet> missing =
        types.all().stream()
            .flatMap(t -> t.featureSets().stream())
            .distinct()
            .filter(set -> registry.champion(set).isEmpty())
            .toList();
    Optional<Snapshot> current = datasets.current();
    if (missing.isEmpty() || current.isEmpty() || pipeline.active(Trigger.BOOTSTRAP)) {
      return;
    }
    String why =
        "no champion for "
            + String.join(", ", missing.stream().map(FeatureSet::label).toList())
            + " features: models are trained for every feature set on the current data";
    TrainingRun queued =
        pipeline.submit(
            new TrainingPipeline.RunRequest(current.get().id(), null, null),
            Trigger.BOOTSTRAP,
            why);
    log.info("Bootstrap run {} queued: {}", queued.id(), why);
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.HIGHEST_PRECEDENCE) // before the inbox and the schedule start
  void start() throws Exception {
    pipeline.recover();
    if (!registry.isEmpty()) {
      queueMissingFeatureSets();
      return;
    }
    log.info("The model registry is empty: training the default models on the bundled data");
    Snapshot snapshot =
        datasets
            .store(
                BundledData.read(new DiamondCsvReader()),
                "diamonds.csv (bundled)",
                IngestMode.REPLACE)
            .snapshot();
    List<String> rest = types.names().stream().filter(n -> !n.equals(FIRST_TYPE)).toList();
    if (types.contains(FIRST_TYPE)) {
      TrainingRun first =
          pipeline.runNow(
              new TrainingPipeline.RunRequest(snapshot.id(), List.of(FIRST_TYPE), null),
              Trigger.BOOTSTRAP,
              TrainingListener.NONE);
      log.info("Bootstrap run {} ended {}", first.id(), first.status().value());
    }
    if (!rest.isEmpty()) {
      TrainingRun queued =
          pipeline.submit(
              new TrainingPipeline.RunRequest(snapshot.id(), rest, null), Trigger.BOOTSTRAP);
      log.info("Bootstrap run {} queued for {}", queued.id(), rest);
    }
  }
}
