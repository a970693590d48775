package com.diamondpricing.server.feedback;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The loop that closes by itself: after each look at the champion, a retraining run is queued
 * (trigger {@code feedback}, with its reason) when its live MAE exceeds {@code retrain-mae-factor}
 * times its test MAE over at least {@code retrain-min-sales} sales, or when major drift was seen in
 * {@code retrain-drift-checks} looks in a row: a feature's or the predicted price's (significant,
 * PSI above 0.25), or a grade level's sale prices over at least {@code retrain-min-sales} of its
 * sales (its interval excludes the price given, 10% or more off; a level of a few sales is shown on
 * the monitoring page, but one of twenty levels is off by chance now and then, and a run is not
 * queued on that). At most one feedback run is queued or running, and none sooner than {@code
 * retrain-cooldown} after the last. With {@code append-sales}, the sold stones that carry every
 * feature join the current data first, so the new model learns the market as it is. A run needs
 * something new to learn: when the champion was trained on the current data and no new sold stone
 * joined it, nothing is queued (the run would train the same model again, seeded, on the same rows)
 * and the log says so.
 */
@Component
public class FeedbackLoop {

  private static final Logger log = LoggerFactory.getLogger(FeedbackLoop.class);

  private final ModelRegistry registry;
  private final LiveAccuracies live;
  private final Drifts drifts;
  private final SalesAppender appender;
  private final TrainingPipeline pipeline;
  private final FeedbackProperties properties;
  private final Clock clock;
  private int majorDriftLooks;
  private Instant lastNothingNew;

  FeedbackLoop(
      ModelRegistry registry,
      LiveAccuracies live,
      Drifts drifts,
      SalesAppender appender,
      TrainingPipeline pipeline,
      FeedbackProperties properties,
      Clock clock) {
    this.registry = registry;
    this.live = live;
    this.drifts = drifts;
    this.appender = appender;
    this.pipeline = pipeline;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Looks at each feature set's champion once (the first that decayed decides); the run it queued,
   * if it queued one.
   */
  public synchronized Optional<TrainingRun> look() {
    if (!properties.retrain()) {
      return Optional.empty();
    }
    Optional<ModelEntry> champion = Optional.empty();
    Optional<String> reason = Optional.empty();
    for (FeatureSet set : FeatureSet.values()) {
      Optional<ModelEntry> c = registry.champion(set);
      if (c.isEmpty()) {
        continue;
      }
      // drift (of what is priced) is watched against the richest champion's data; every
      // champion's live accuracy is watched
      reason = champion.isEmpty() ? reason(c.get()) : maeReason(c.get());
      champion = champion.isEmpty() || reason.isPresent() ? c : champion;
      if (reason.isPresent()) {
        break;
      }
    }
    if (champion.isEmpty()) {
      return Optional.empty();
    }
    if (reason.isEmpty() || pipeline.active(Trigger.FEEDBACK) || coolingDown()) {
      return Optional.empty();
    }
    long data = appender.appendNewSales().orElseGet(appender::currentSnapshot);
    if (data == champion.get().snapshotId()) {
      nothingNewToLearn(champion.get(), reason.get());
      return Optional.empty();
    }
    List<String> models =
        properties.retrainModels().stream().filter(m -> m != null && !m.isBlank()).toList();
    TrainingPipeline.RunRequest request =
        new TrainingPipeline.RunRequest(data, models.isEmpty() ? null : models, null);
    TrainingRun run = pipeline.submit(request, Trigger.FEEDBACK, reason.get());
    majorDriftLooks = 0;
    log.info("Feedback: queued retraining run {}: {}", run.id(), reason.get());
    return Optional.of(run);
  }

  /**
   * Says, at most once per {@code retrain-cooldown}, why a reason to retrain queued nothing: the
   * champion was trained on the current data and no new sold stone joined it, so a run would train
   * the same model again (same rows, same seed).
   */
  private void nothingNewToLearn(ModelEntry champion, String reason) {
    Instant now = clock.instant();
    if (lastNothingNew == null
        || !now.isBefore(lastNothingNew.plus(properties.retrainCooldown()))) {
      lastNothingNew = now;
      log.warn(
          "Feedback: {}; no retraining: {} v{} was trained on the current data (snapshot {}) and"
              + " no sold stone with every feature is new since. Report sales with their stones,"
              + " or upload fresh data.",
          reason,
          champion.type(),
          champion.version(),
          champion.snapshotId());
    }
  }

  /** Why to retrain against this champion: its live MAE decayed, or its data drifted. */
  private Optional<String> reason(ModelEntry champion) {
    Optional<String> mae = maeReason(champion);
    if (mae.isPresent()) {
      return mae;
    }
    Instant now = clock.instant();
    List<String> major =
        major(
            drifts.of(champion.id(), now.minus(properties.driftWindow()), now),
            properties.retrainMinSales());
    majorDriftLooks = major.isEmpty() ? 0 : majorDriftLooks + 1;
    if (majorDriftLooks >= properties.retrainDriftChecks()) {
      return Optional.of(
          "major drift in "
              + majorDriftLooks
              + " looks in a row against "
              + champion.type()
              + " v"
              + champion.version()
              + ": "
              + String.join(", ", major));
    }
    return Optional.empty();
  }

  /** Why to retrain: the champion's live MAE over enough sales is too far above its test MAE. */
  private Optional<String> maeReason(ModelEntry champion) {
    Instant now = clock.instant();
    LiveAccuracyView accuracy = live.of(champion.id(), now.minus(properties.window()), now);
    if (accuracy.n() >= properties.retrainMinSales()
        && accuracy.mae() != null
        && accuracy.mae() > properties.retrainMaeFactor() * champion.test().mae()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "live MAE %.2f over %d sales is %.2fx the test MAE %.2f of %s v%d (limit %.2fx)",
              accuracy.mae(),
              accuracy.n(),
              accuracy.mae() / champion.test().mae(),
              champion.test().mae(),
              champion.type(),
              champion.version(),
              properties.retrainMaeFactor()));
    }
    return Optional.empty();
  }

  private static List<String> major(DriftReport report, int minSales) {
    List<String> major = new ArrayList<>();
    for (DriftReport.FeatureDrift f : report.features()) {
      if (Psi.MAJOR_LABEL.equals(f.label())) {
        major.add(
            String.format(
                Locale.ROOT, "%s (PSI %.2f, p %s, n %d)", f.feature(), f.psi(), p(f), f.n()));
      }
    }
    DriftReport.FeatureDrift price = report.predictedPrice();
    if (Psi.MAJOR_LABEL.equals(price.label())) {
      major.add(
          String.format(
              Locale.ROOT,
              "predicted price (PSI %.2f, p %s, n %d)",
              price.psi(),
              p(price),
              price.n()));
    }
    for (DriftReport.SegmentDrift s : report.sales()) {
      if (Psi.MAJOR_LABEL.equals(s.label()) && s.sales() >= minSales) {
        major.add(
            String.format(
                Locale.ROOT,
                "%s %s sale prices (%+.0f%% against the price given, 90%% interval %+.0f%% to"
                    + " %+.0f%%, %d sales)",
                s.feature(),
                s.level(),
                (s.ratio() - 1) * 100,
                (s.ratioLow() - 1) * 100,
                (s.ratioHigh() - 1) * 100,
                s.sales()));
      }
    }
    return major;
  }

  private static String p(DriftReport.FeatureDrift f) {
    return f.pValue() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", f.pValue());
  }

  private boolean coolingDown() {
    Instant since = clock.instant().minus(properties.retrainCooldown());
    return pipeline.list(50).stream()
        .anyMatch(r -> r.trigger() == Trigger.FEEDBACK && r.createdAt().isAfter(since));
  }
}
