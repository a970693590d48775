package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether a freshly trained candidate replaces the champion. The candidate is loaded from
 * its stored artifact and re-scored on its own test rows, and so is the champion; the candidate
 * wins only when that succeeds for both and it is strictly better on the configured metric (MAE by
 * default; r2 counts higher as better, the others lower). The move is a compare-and-set on the
 * champion it was compared with: when another server moved the champion meanwhile, the candidate is
 * compared again with the new one.
 */
@Component
public class ChampionPolicy {

  private static final Logger log = LoggerFactory.getLogger(ChampionPolicy.class);
  static final int MAX_ATTEMPTS = 5;

  private final ModelRegistry registry;
  private final String metric;

  ChampionPolicy(ModelRegistry registry, DiamondsProperties properties) {
    this.registry = registry;
    this.metric = properties.champion().metric().toLowerCase(Locale.ROOT);
    new Metrics(0, 0, 0, 0).get(metric); // rejects an unknown metric at start
  }

  /** What was decided, and why. */
  public record Decision(boolean promoted, String reason) {}

  /** Compares the candidate with the champion and moves the alias when the candidate wins. */
  public Decision consider(ModelEntry candidate, Dataset testRows) {
    double candidateScore;
    try {
      candidateScore = rescore(candidate, testRows);
    } catch (Exception e) {
      log.warn("Candidate model {} cannot be loaded and re-scored", candidate.id(), e);
      return new Decision(
          false,
          String.format(
              Locale.ROOT,
              "candidate %d (%s v%d) cannot be loaded from the registry and re-scored (%s): not"
                  + " promoted",
              candidate.id(),
              candidate.type(),
              candidate.version(),
              words(e)));
    }
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Optional<ModelEntry> champion = registry.champion();
      if (champion.isEmpty()) {
        String reason = "first model: no champion yet";
        if (registry.moveAlias(ModelRegistry.CHAMPION, null, candidate.id(), reason).moved()) {
          return new Decision(true, reason);
        }
        continue; // another server's model became the first champion: compare with it
      }
      ModelEntry current = champion.get();
      if (current.id() == candidate.id()) {
        return new Decision(false, "already champion");
      }
      double championScore;
      try {
        championScore = rescore(current, testRows);
      } catch (Exception e) {
        log.warn("Champion model {} cannot be re-scored", current.id(), e);
        return new Decision(
            false,
            String.format(
                Locale.ROOT,
                "champion %d (%s v%d) cannot be loaded and re-scored (%s), so the candidate %d is"
                    + " not promoted (%s %.4f); promote it by hand if the champion is broken",
                current.id(),
                current.type(),
                current.version(),
                words(e),
                candidate.id(),
                metric,
                candidateScore));
      }
      boolean better =
          metric.equals("r2") ? candidateScore > championScore : candidateScore < championScore;
      String reason =
          String.format(
              Locale.ROOT,
              "%s on the candidate's %d test rows: candidate %d (%s v%d) %.4f %s champion %d (%s"
                  + " v%d) %.4f",
              metric,
              testRows.size(),
              candidate.id(),
              candidate.type(),
              candidate.version(),
              candidateScore,
              better ? "beats" : "does not beat",
              current.id(),
              current.type(),
              current.version(),
              championScore);
      if (!better) {
        return new Decision(false, reason);
      }
      if (registry
          .moveAlias(ModelRegistry.CHAMPION, current.id(), candidate.id(), reason)
          .moved()) {
        return new Decision(true, reason);
      }
      // the champion moved meanwhile (another server): compare with the new one
    }
    return new Decision(
        false, "the champion kept moving while the candidate was compared; not promoted");
  }

  /** The model's metric on the rows, predicted by the model loaded from its stored artifact. */
  private double rescore(ModelEntry entry, Dataset rows) throws Exception {
    try (TrainedModel model = registry.load(entry.id())) {
      double score = Metrics.of(rows.prices(), model.predict(rows)).get(metric);
      if (!Double.isFinite(score)) {
        throw new IllegalStateException("its " + metric + " is not a finite number");
      }
      return score;
    }
  }

  private static String words(Exception e) {
    String m = e.getMessage();
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
