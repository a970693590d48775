package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.dataset.DatasetStore;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether a freshly trained candidate replaces the champion of its feature set. The two are
 * compared only on rows neither trained on: the candidate's test rows, less every row the
 * champion's evaluation fit trained on (its snapshot's training part, matched by value). After an
 * append, most of the candidate's test rows are rows the champion learned from, where its error is
 * its in-sample error, far below its real one; scored there, the incumbent would win unfairly. With
 * fewer than {@code diamonds.champion.min-comparison-rows} rows left the candidate is not promoted.
 * Both models are the evaluation fits loaded from the registry (the served ones learned from every
 * row of their snapshots); the candidate wins only when it is strictly better on the configured
 * metric (MAE by default; r2 counts higher as better, the others lower). The move is a
 * compare-and-set on the champion it was compared with: when another server moved the champion
 * meanwhile, the candidate is compared again with the new one.
 */
@Component
public class ChampionPolicy {

  private static final Logger log = LoggerFactory.getLogger(ChampionPolicy.class);
  static final int MAX_ATTEMPTS = 5;

  private final ModelRegistry registry;
  private final DatasetStore datasets;
  private final String metric;
  private final int minRows;

  ChampionPolicy(ModelRegistry registry, DatasetStore datasets, DiamondsProperties properties) {
    this.registry = registry;
    this.datasets = datasets;
    this.metric = properties.champion().metric().toLowerCase(Locale.ROOT);
    this.minRows = properties.champion().minComparisonRows();
    new Metrics(0, 0, 0, 0).get(metric); // rejects an unknown metric at start
  }

  /** What was decided, and why. */
  public record Decision(boolean promoted, String reason) {}

  /**
   * Compares the candidate with its feature set's champion on the rows neither trained on, and
   * moves the alias when the candidate wins.
   *
   * @param testRows the candidate's test rows (its snapshot's, split as the pipeline splits)
   */
  public Decision consider(ModelEntry candidate, Dataset testRows) {
    String alias = ModelRegistry.championAlias(candidate.featureSet());
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<ModelEntry> champion = registry.alias(alias);
      if (champion.isEmpty()) {
        String reason =
            "first model of " + candidate.featureSet().label() + " features: no champion yet";
        if (registry.moveAlias(alias, null, candidate.id(), reason).moved()) {
          return new Decision(true, reason);
        }
        continue; // another server's model became the first champion: compare with it
      }
      ModelEntry current = champion.get();
      if (current.id() == candidate.id()) {
        return new Decision(false, "already champion");
      }
      Comparison c;
      try {
        c = compare(candidate, current, testRows);
      } catch (Unscorable e) {
        log.warn("Model {} cannot be re-scored", e.model.id(), e.getCause());
        return new Decision(false, e.reason());
      }
      if (c.rows() < minRows) {
        return new Decision(false, c.tooFew(minRows));
      }
      String reason = c.describe();
      if (!c.better()) {
        return new Decision(false, reason);
      }
      if (registry.moveAlias(alias, current.id(), candidate.id(), reason).moved()) {
        return new Decision(true, reason);
      }
      // the champion moved meanwhile (another server): compare with the new one
    }
    return new Decision(
        false, "the champion kept moving while the candidate was compared; not promoted");
  }

  /** The two models' scores on the rows neither trained on. */
  private Comparison compare(ModelEntry candidate, ModelEntry champion, Dataset testRows)
      throws Unscorable {
    long[] learned;
    try {
      learned = datasets.trainingRowHashes(champion.snapshotId());
    } catch (RuntimeException e) {
      throw new Unscorable("champion", champion, e, "its training rows cannot be read");
    }
    int[] fair =
        java.util.stream.IntStream.range(0, testRows.size())
            .filter(i -> Arrays.binarySearch(learned, testRows.rowHash(i)) < 0)
            .toArray();
    Dataset rows = testRows.rows(fair);
    if (fair.length < minRows) {
      return new Comparison(
          metric, candidate, champion, testRows.size(), fair.length, Double.NaN, Double.NaN);
    }
    double candidateScore = score("candidate", candidate, rows);
    double championScore = score("champion", champion, rows);
    return new Comparison(
        metric, candidate, champion, testRows.size(), fair.length, candidateScore, championScore);
  }

  /** The metric of the model's evaluation fit (loaded from the registry) on the rows. */
  private double score(String role, ModelEntry entry, Dataset rows) throws Unscorable {
    try (TrainedModel model = registry.loadEvaluation(entry.id())) {
      double score = Metrics.of(rows.prices(), model.predict(rows)).get(metric);
      if (!Double.isFinite(score)) {
        throw new IllegalStateException("its " + metric + " is not a finite number");
      }
      return score;
    } catch (Exception e) {
      throw new Unscorable(role, entry, e, "cannot be loaded from the registry and re-scored");
    }
  }

  /** A model that could not be scored: the candidate, or the champion. */
  private static final class Unscorable extends Exception {
    private static final long serialVersionUID = 1L;
    final String role;
    final transient ModelEntry model;
    final String why;

    Unscorable(String role, ModelEntry model, Exception cause, String why) {
      super(cause);
      this.role = role;
      this.model = model;
      this.why = why;
    }

    String reason() {
      return String.format(
          Locale.ROOT,
          "%s %d (%s v%d) %s (%s): the candidate is not promoted%s",
          role,
          model.id(),
          model.type(),
          model.version(),
          why,
          words(getCause()),
          role.equals("champion") ? "; promote one by hand if the champion is broken" : "");
    }
  }

  /**
   * A comparison on the rows neither model trained on.
   *
   * @param testRows the candidate's test rows
   * @param rows those the champion did not train on either
   */
  private record Comparison(
      String metric,
      ModelEntry candidate,
      ModelEntry champion,
      int testRows,
      int rows,
      double candidateScore,
      double championScore) {

    boolean better() {
      return metric.equals("r2") ? candidateScore > championScore : candidateScore < championScore;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%s on %,d rows neither model trained on (the candidate's %,d test rows less %,d the"
              + " champion trained on): candidate %d (%s v%d) %.4f %s champion %d (%s v%d) %.4f",
          metric,
          rows,
          testRows,
          testRows - rows,
          candidate.id(),
          candidate.type(),
          candidate.version(),
          candidateScore,
          better() ? "beats" : "does not beat",
          champion.id(),
          champion.type(),
          champion.version(),
          championScore);
    }

    String tooFew(int min) {
      return String.format(
          Locale.ROOT,
          "only %,d of the candidate's %,d test rows were not trained on by champion %d (%s v%d);"
              + " a fair comparison needs %,d: not promoted (promote by hand, or train on more"
              + " new rows)",
          rows,
          testRows,
          champion.id(),
          champion.type(),
          champion.version(),
          min);
    }
  }

  private static String words(Throwable e) {
    String m = e == null ? null : e.getMessage();
    String first = m == null ? "" : m.lines().findFirst().orElse("").strip();
    if (first.isEmpty() || first.matches(".*\\b([a-z_]+\\.)+[A-Z]\\w*.*")) {
      return "see the server log";
    }
    return first.length() <= 200 ? first : first.substring(0, 199) + "\u2026";
  }

  public String metric() {
    return metric;
  }
}
