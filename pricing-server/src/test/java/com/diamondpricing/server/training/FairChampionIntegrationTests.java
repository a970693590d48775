package com.diamondpricing.server.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.linear.LinearModelType;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.dataset.IngestMode;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A champion challenged fairly after an append. The champion learned the first 3,000 rows of the
 * bundled data by heart ({@link MemorizingModelType}); the other 1,989 rows are appended and a
 * linear model is trained on all 4,989. The candidate's test rows then include hundreds of rows the
 * champion trained on, where it is exact: scored on all of them it would beat the better candidate.
 * The comparison leaves those rows out, says how many, and the better candidate wins.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"diamonds.bootstrap=false", "diamonds.inbox.enabled=false"})
@Import(FairChampionIntegrationTests.Types.class)
abstract class FairChampionIntegrationTests {

  @Autowired DatasetStore datasets;
  @Autowired TrainingPipeline pipeline;
  @Autowired ModelRegistry registry;

  /** The linear type and the memorizer, for this suite only. */
  static class Types {
    @Bean
    @Primary
    ModelTypes memorizingModelTypes() {
      return ModelTypes.of(new LinearModelType(), new MemorizingModelType());
    }
  }

  static byte[] lines(List<String> all, int from, int to) {
    List<String> rows = new java.util.ArrayList<>();
    rows.add(all.get(0));
    rows.addAll(all.subList(from, to));
    return String.join("\n", rows).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aChampionIsComparedOnlyOnRowsNeitherModelTrainedOn() throws Exception {
    List<String> all = Files.readAllLines(Path.of("../data/diamonds.csv"));
    long first =
        datasets
            .ingest(new ByteArrayInputStream(lines(all, 1, 3001)), "first.csv", IngestMode.REPLACE)
            .snapshot()
            .id();
    TrainingRun memorized =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(first, List.of(MemorizingModelType.NAME), null),
            Trigger.CLI,
            TrainingListener.NONE);
    ModelEntry champion = registry.champion().orElseThrow();
    assertThat(champion.id()).isEqualTo(memorized.outcomes().get(0).modelId());

    long appended =
        datasets
            .ingest(
                new ByteArrayInputStream(lines(all, 3001, all.size())),
                "second.csv",
                IngestMode.APPEND)
            .snapshot()
            .id();
    TrainingRun run =
        pipeline.runNow(
            new TrainingPipeline.RunRequest(appended, List.of(LinearModelType.NAME), null),
            Trigger.CLI,
            TrainingListener.NONE);

    // the candidate's test rows, and those of them the champion's evaluation fit trained on
    Dataset now = datasets.rows(appended);
    Dataset test = now.rows(TrainTestSplit.notebook(now.size()).test());
    Dataset before = datasets.rows(first);
    long[] learned =
        Arrays.stream(TrainTestSplit.notebook(before.size()).train())
            .mapToLong(before::rowHash)
            .sorted()
            .toArray();
    int[] unseen =
        IntStream.range(0, test.size())
            .filter(i -> Arrays.binarySearch(learned, test.rowHash(i)) < 0)
            .toArray();
    int leftOut = test.size() - unseen.length;
    assertThat(leftOut).as("rows the champion trained on").isGreaterThan(300);

    // scored on every test row, the champion's memory would win
    ModelEntry candidate = registry.get(run.outcomes().get(0).modelId());
    double championOnAll = mae(champion, test);
    double candidateOnAll = mae(candidate, test);
    assertThat(championOnAll).isLessThan(candidateOnAll);
    // on the rows neither trained on, the candidate is better, and it is promoted
    assertThat(mae(candidate, test.rows(unseen))).isLessThan(mae(champion, test.rows(unseen)));
    assertThat(run.outcomes().get(0).promoted()).isTrue();
    assertThat(run.outcomes().get(0).reason())
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "on %,d rows neither model trained on (the candidate's %,d test rows less %,d the"
                    + " champion trained on)",
                unseen.length,
                test.size(),
                leftOut))
        .contains("beats champion " + champion.id());
    assertThat(registry.champion().orElseThrow().id()).isEqualTo(candidate.id());
  }

  private double mae(ModelEntry model, Dataset rows) throws Exception {
    try (TrainedModel m = registry.loadEvaluation(model.id())) {
      return Metrics.of(rows.prices(), m.predict(rows)).mae();
    }
  }
}
