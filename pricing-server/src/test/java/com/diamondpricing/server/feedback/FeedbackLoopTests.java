package com.diamondpricing.server.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.training.RunOptions;
import com.diamondpricing.server.training.RunStatus;
import com.diamondpricing.server.training.TrainingPipeline;
import com.diamondpricing.server.training.TrainingRun;
import com.diamondpricing.server.training.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The loop's second reason to retrain: major drift seen in {@code retrain-drift-checks} looks in a
 * row (a stable look starts the count again); never a second feedback run while one is active, and
 * none when there is nothing new to learn from.
 */
class FeedbackLoopTests {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  static final ModelEntry CHAMPION =
      new ModelEntry(
          7,
          "xgboost",
          3,
          1L,
          2,
          NOW,
          10,
          null,
          new Metrics(0.96, 336, 600, 0.08),
          800,
          200,
          "application/json",
          Map.of(),
          FeatureSet.ALL,
          null,
          null,
          null,
          null,
          false,
          null);

  final ModelRegistry registry = mock(ModelRegistry.class);
  final LiveAccuracies live = mock(LiveAccuracies.class);
  final Drifts drifts = mock(Drifts.class);
  final SalesAppender appender = mock(SalesAppender.class);
  final TrainingPipeline pipeline = mock(TrainingPipeline.class);
  final FeedbackProperties properties =
      new FeedbackProperties(
          30,
          Duration.ofDays(30),
          10_000,
          true,
          Duration.ofMinutes(1),
          Duration.ofDays(7),
          true,
          1.5,
          100,
          3,
          Duration.ofDays(1),
          List.of(),
          true,
          5);
  final FeedbackLoop loop =
      new FeedbackLoop(
          registry, live, drifts, appender, pipeline, properties, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void aChampionPricingWellButDrifting() {
    when(registry.champion()).thenReturn(Optional.of(CHAMPION));
    when(registry.champion(FeatureSet.ALL)).thenReturn(Optional.of(CHAMPION));
    when(registry.champion(FeatureSet.FOUR_CS)).thenReturn(Optional.empty());
    when(live.of(eq(7L), any(), any()))
        .thenReturn(
            LiveAccuracyView.of(
                7,
                "xgboost",
                3,
                336,
                NOW.minusSeconds(60),
                NOW,
                30,
                new LiveAccuracy(500, 340, 200, 0.08, -5, 0.8, 0.9, List.of()),
                List.of()));
    when(appender.appendNewSales()).thenReturn(Optional.of(9L));
    when(pipeline.submit(any(), eq(Trigger.FEEDBACK), any()))
        .thenAnswer(
            a ->
                new TrainingRun(
                    42,
                    9,
                    List.of("xgboost"),
                    Trigger.FEEDBACK,
                    RunStatus.QUEUED,
                    new RunOptions(42, 100, 0),
                    NOW,
                    null,
                    null,
                    0,
                    1,
                    null,
                    0,
                    0,
                    null,
                    null,
                    List.of(),
                    null,
                    a.getArgument(2),
                    null));
  }

  static DriftReport report(String colourGLabel) {
    return report(colourGLabel, 120, "stable");
  }

  static DriftReport report(String colourGLabel, int colourGSales, String caratLabel) {
    DriftReport.FeatureDrift carat =
        new DriftReport.FeatureDrift("carat", 500, 0.31, 0.0004, caratLabel, List.of());
    DriftReport.FeatureDrift stable =
        new DriftReport.FeatureDrift("price", 500, 0.02, 0.6, "stable", List.of());
    return new DriftReport(
        7,
        "xgboost",
        3,
        NOW.minusSeconds(60),
        NOW,
        500,
        100,
        0.01,
        0.1,
        5,
        List.of(carat),
        stable,
        List.of(
            new DriftReport.SegmentDrift(
                "color", "G", colourGSales, 1.2, 1.15, 1.25, 1.19, null, colourGLabel)));
  }

  @Test
  void majorDriftInThreeLooksInARowQueuesARunThatSaysWhy() {
    when(drifts.of(anyLong(), any(), any())).thenReturn(report("major"));

    assertThat(loop.look()).isEmpty();
    assertThat(loop.look()).isEmpty();
    Optional<TrainingRun> run = loop.look();

    assertThat(run).isPresent();
    assertThat(run.get().reason())
        .isEqualTo(
            "major drift in 3 looks in a row against xgboost v3: color G sale prices (+20%"
                + " against the price given, 90% interval +15% to +25%, 120 sales)");
    verify(pipeline)
        .submit(eq(new TrainingPipeline.RunRequest(9, null, null)), eq(Trigger.FEEDBACK), any());
  }

  @Test
  void aFeaturesMajorDriftSaysItsPsiPAndN() {
    when(drifts.of(anyLong(), any(), any())).thenReturn(report("stable", 120, "major"));

    loop.look();
    loop.look();

    assertThat(loop.look().orElseThrow().reason())
        .isEqualTo(
            "major drift in 3 looks in a row against xgboost v3: carat (PSI 0.31, p < 0.001, n"
                + " 500)");
  }

  @Test
  void newerDataThanTheChampionsIsEnoughToRetrainOn() {
    when(drifts.of(anyLong(), any(), any())).thenReturn(report("major"));
    when(appender.appendNewSales()).thenReturn(Optional.empty());
    when(appender.currentSnapshot()).thenReturn(CHAMPION.snapshotId() + 1);

    loop.look();
    loop.look();

    assertThat(loop.look()).isPresent();
    verify(pipeline)
        .submit(
            eq(new TrainingPipeline.RunRequest(CHAMPION.snapshotId() + 1, null, null)),
            eq(Trigger.FEEDBACK),
            any());
  }

  @Nested
  class NoRun {

    @Test
    void aStableLookStartsTheCountAgain() {
      when(drifts.of(anyLong(), any(), any()))
          .thenReturn(
              report("major"), report("major"), report("stable"), report("major"), report("major"));

      for (int i = 0; i < 5; i++) {
        assertThat(loop.look()).as("look %d", i + 1).isEmpty();
      }
      verify(pipeline, never()).submit(any(), any(), any());
    }

    @Test
    void onAGradeLevelOfFewerSalesThanRetrainMinSales() {
      // shown on the monitoring page from 5 sales, but one level of twenty is off by chance now
      // and then: the loop waits for retrain-min-sales (100) of the level's sales
      when(drifts.of(anyLong(), any(), any())).thenReturn(report("major", 17, "stable"));

      for (int i = 0; i < 5; i++) {
        assertThat(loop.look()).as("look %d", i + 1).isEmpty();
      }
      verify(pipeline, never()).submit(any(), any(), any());
    }

    @Test
    void whenTheChampionWasTrainedOnTheCurrentDataAndNoSaleIsNew() {
      when(drifts.of(anyLong(), any(), any())).thenReturn(report("major"));
      when(appender.appendNewSales()).thenReturn(Optional.empty());
      when(appender.currentSnapshot()).thenReturn(CHAMPION.snapshotId());

      for (int i = 0; i < 5; i++) {
        assertThat(loop.look()).as("look %d", i + 1).isEmpty();
      }
      verify(pipeline, never()).submit(any(), any(), any());
    }

    @Test
    void whileAFeedbackRunIsActive() {
      when(drifts.of(anyLong(), any(), any())).thenReturn(report("major"));
      when(pipeline.active(Trigger.FEEDBACK)).thenReturn(true);

      for (int i = 0; i < 4; i++) {
        assertThat(loop.look()).isEmpty();
      }
      verify(pipeline, never()).submit(any(), any(), any());
      verify(appender, never()).appendNewSales();
    }
  }
}
