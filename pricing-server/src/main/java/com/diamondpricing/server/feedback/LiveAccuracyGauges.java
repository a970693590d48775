package com.diamondpricing.server.feedback;

import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.BackgroundWorker;
import com.diamondpricing.server.system.ShutdownOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Live accuracy as Prometheus gauges, computed again every {@code diamonds.feedback
 * .monitor-interval} for the champion and every model with sales in the window: {@code
 * diamonds_live_sales}, {@code diamonds_live_mae_dollars}, {@code diamonds_live_mae_to_test_mae}
 * and {@code diamonds_live_interval_coverage{level}}, tagged with the model's id, type and version.
 * A model below the minimum number of sales has only its sales count. After each refresh the {@link
 * FeedbackLoop} looks at the champion.
 */
@Component
class LiveAccuracyGauges extends BackgroundWorker {

  private static final Logger log = LoggerFactory.getLogger(LiveAccuracyGauges.class);

  private final LiveAccuracies live;
  private final SaleStore sales;
  private final ModelRegistry registry;
  private final FeedbackProperties properties;
  private final Clock clock;
  private final MultiGauge count;
  private final MultiGauge mae;
  private final MultiGauge ratio;
  private final MultiGauge coverage;
  private final FeedbackLoop loop;

  LiveAccuracyGauges(
      LiveAccuracies live,
      SaleStore sales,
      ModelRegistry registry,
      FeedbackProperties properties,
      Clock clock,
      MeterRegistry meters,
      FeedbackLoop loop) {
    super("live-accuracy", ShutdownOrder.INTAKE, OnStop.INTERRUPT, Duration.ofSeconds(5));
    this.live = live;
    this.sales = sales;
    this.registry = registry;
    this.properties = properties;
    this.clock = clock;
    this.loop = loop;
    this.count =
        MultiGauge.builder("diamonds.live.sales")
            .description("sales of stones the model priced, in the live-accuracy window")
            .register(meters);
    this.mae =
        MultiGauge.builder("diamonds.live.mae")
            .baseUnit("dollars")
            .description("the model's mean absolute error on its sold stones")
            .register(meters);
    this.ratio =
        MultiGauge.builder("diamonds.live.mae.to.test.mae")
            .description("live MAE divided by the model's test MAE at training")
            .register(meters);
    this.coverage =
        MultiGauge.builder("diamonds.live.interval.coverage")
            .description("share of sold stones whose price was inside the interval given")
            .register(meters);
  }

  @Override
  protected boolean hasWork() {
    return properties.monitor();
  }

  @Override
  protected boolean turn() throws InterruptedException {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn("Live accuracy: the gauges could not be computed: {}", e.toString());
    }
    try {
      loop.look();
    } catch (RuntimeException e) {
      log.warn("Feedback: the look at the champion failed: {}", e.toString());
    }
    pause(properties.monitorInterval());
    return !stopping();
  }

  /** Computes every gauge again. */
  void refresh() {
    Instant until = clock.instant();
    Instant since = until.minus(properties.window());
    Set<Long> models = new LinkedHashSet<>(sales.modelsSoldBetween(since, until));
    models.addAll(registry.championIds());
    List<MultiGauge.Row<?>> counts = new ArrayList<>();
    List<MultiGauge.Row<?>> maes = new ArrayList<>();
    List<MultiGauge.Row<?>> ratios = new ArrayList<>();
    List<MultiGauge.Row<?>> coverages = new ArrayList<>();
    for (long id : models) {
      LiveAccuracyView v = live.of(id, since, until);
      Tags tags =
          Tags.of(
              "model_id",
              Long.toString(id),
              "type",
              v.type(),
              "version",
              Integer.toString(v.version()));
      counts.add(MultiGauge.Row.of(tags, v.n()));
      if (v.enough()) {
        maes.add(MultiGauge.Row.of(tags, v.mae()));
        if (v.maeToTestMae() != null) {
          ratios.add(MultiGauge.Row.of(tags, v.maeToTestMae()));
        }
        if (v.coverage80() != null) {
          coverages.add(MultiGauge.Row.of(tags.and("level", "0.8"), v.coverage80()));
        }
        if (v.coverage90() != null) {
          coverages.add(MultiGauge.Row.of(tags.and("level", "0.9"), v.coverage90()));
        }
      }
    }
    count.register(counts, true);
    mae.register(maes, true);
    ratio.register(ratios, true);
    coverage.register(coverages, true);
  }
}
