package com.diamondpricing.server.training;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides whether a freshly trained candidate replaces the champion: the champion is re-scored on
 * the candidate's own test rows and the candidate wins only when it is strictly better on the
 * configured metric (MAE by default; r2 counts higher as better, the others lower).
 */
@Component
public class ChampionPolicy {

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
    Optional<ModelEntry> champion = registry.champion();
    if (champion.isEmpty()) {
      String reason = "first model: no champion yet";
      registry.moveAlias(ModelRegistry.CHAMPION, candidate.id(), reason);
      return new Decision(true, reason);
    }
    ModelEntry current = champion.get();
    if (current.id() == candidate.id()) {
      return new Decision(false, "already champion");
    }
    double candidateScore = candidate.test().get(metric);
    double championScore;
    try {
      TrainedModel model = registry.load(current.id());
      championScore = Metrics.of(testRows.prices(), model.predict(testRows)).get(metric);
    } catch (RuntimeException e) {
      String reason =
          String.format(
              Locale.ROOT,
              "champion %d (%s v%d) cannot be re-scored (%s); candidate %s %.4f",
              current.id(),
              current.type(),
              current.version(),
              e.getMessage(),
              metric,
              candidateScore);
      registry.moveAlias(ModelRegistry.CHAMPION, candidate.id(), reason);
      return new Decision(true, reason);
    }
    boolean better =
        metric.equals("r2") ? candidateScore > championScore : candidateScore < championScore;
    String reason =
        String.format(
            Locale.ROOT,
            "%s on the candidate's %d test rows: candidate %d (%s v%d) %.4f %s champion %d (%s v%d)"
                + " %.4f",
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
    if (better) {
      registry.moveAlias(ModelRegistry.CHAMPION, candidate.id(), reason);
    }
    return new Decision(better, reason);
  }

  public String metric() {
    return metric;
  }
}
