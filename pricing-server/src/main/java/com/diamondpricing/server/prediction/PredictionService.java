package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.MissingFeatureException;
import com.diamondpricing.server.problem.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Chooses the model for each stone and prices it: the champion (or the best model of a type asked
 * for) of the richest feature set whose features the stone gives, so that a stone without its
 * measurements is priced by a model that learned without them; its price, 80% and 90% ranges,
 * warnings and, when asked, why ({@link PriceAnswer}). Every other registered type gives its price
 * too ({@link SecondOpinion}): a type that disagrees beyond the answer's 90% range is a warning.
 */
@Service
public class PredictionService {

  private final ServingModels models;
  private final TrainingProfiles profiles;

  PredictionService(ServingModels models, TrainingProfiles profiles) {
    this.models = models;
    this.profiles = profiles;
    // a new champion's training profile is read before it serves, not by its first request
    models.prepareEachChampion(next -> next.profile(profiles));
  }

  /** The features a stone gives (the four Cs always). */
  public static Set<Feature> present(Diamond d) {
    Set<Feature> present = EnumSet.noneOf(Feature.class);
    for (Feature f : Feature.values()) {
      if (d.has(f)) {
        present.add(f);
      }
    }
    return present;
  }

  /**
   * A hold on the model for a stone with these features: {@code modelId} exactly, else the best
   * registered version of {@code type}, else the champion, of the richest feature set the stone
   * gives. Close it when the request is done.
   */
  public ServedModel.Lease choose(String type, Long modelId, Set<Feature> present) {
    if (modelId != null && type != null) {
      throw Problem.invalidParameter(
          "modelId", "give either 'model' or 'modelId', not both", List.of());
    }
    return models.lease(type, modelId, present);
  }

  /**
   * One stone priced with the model held: price, ranges, warnings and, when asked, why.
   *
   * @param present the features the stone gives ({@link #present})
   */
  public PricedDiamond price(ServedModel served, Diamond d, Set<Feature> present, boolean explain) {
    requireFeatures(served, d);
    double raw = served.model().predict(d);
    List<SecondOpinion> others = secondOpinions(served, List.of(d), present).get(0);
    return PriceAnswer.answer(
        served.entry(),
        served.model(),
        served.features(),
        served.profile(profiles),
        d,
        raw,
        explain,
        others);
  }

  /**
   * Many stones priced, in order, each by the model {@link #choose} picks for its features (a batch
   * may mix stones with and without measurements); the models are held for the call.
   *
   * @throws MissingFeatureProblem naming {@code diamonds[i].field} when the model asked for (by id
   *     or type) cannot price stone i
   */
  public List<PricedDiamond> price(
      String type, Long modelId, List<Diamond> diamonds, boolean explain) {
    Map<Set<Feature>, ServedModel.Lease> leases = new HashMap<>();
    try {
      Map<Group, List<Integer>> groups = new LinkedHashMap<>();
      for (int i = 0; i < diamonds.size(); i++) {
        Set<Feature> present = present(diamonds.get(i));
        ServedModel served =
            leases.computeIfAbsent(present, p -> choose(type, modelId, p)).served();
        try {
          requireFeatures(served, diamonds.get(i));
        } catch (MissingFeatureProblem e) {
          throw MissingFeatureProblem.inBatch(i, e);
        }
        groups.computeIfAbsent(new Group(served, present), g -> new ArrayList<>()).add(i);
      }
      PricedDiamond[] out = new PricedDiamond[diamonds.size()];
      for (Map.Entry<Group, List<Integer>> group : groups.entrySet()) {
        price(group.getKey(), group.getValue(), diamonds, explain, out);
      }
      return Arrays.asList(out);
    } finally {
      leases.values().forEach(ServedModel.Lease::close);
    }
  }

  /** Stones of a batch with the same features, priced by the same model. */
  private record Group(ServedModel served, Set<Feature> present) {}

  /** The stones at {@code indexes}, priced by one model in one call, into {@code out}. */
  private void price(
      Group group,
      List<Integer> indexes,
      List<Diamond> diamonds,
      boolean explain,
      PricedDiamond[] out) {
    ServedModel served = group.served();
    List<Diamond> stones = indexes.stream().map(diamonds::get).toList();
    double[] raw = served.model().predict(stones);
    List<List<SecondOpinion>> others = secondOpinions(served, stones, group.present());
    TrainingProfile profile = served.profile(profiles);
    for (int j = 0; j < raw.length; j++) {
      int i = indexes.get(j);
      try {
        out[i] =
            PriceAnswer.answer(
                served.entry(),
                served.model(),
                served.features(),
                profile,
                stones.get(j),
                raw[j],
                explain,
                others.get(j));
      } catch (UnpriceableProblem e) {
        throw new UnpriceableProblem(
            "diamonds[" + i + "]." + e.field(), "diamonds[" + i + "]: " + e.getMessage());
      }
    }
  }

  /**
   * Per stone, the prices of the best model of every other registered type that can price stones
   * with these features (the same for all the stones).
   */
  private List<List<SecondOpinion>> secondOpinions(
      ServedModel answering, List<Diamond> stones, Set<Feature> present) {
    List<List<SecondOpinion>> out = new ArrayList<>(stones.size());
    for (int j = 0; j < stones.size(); j++) {
      out.add(new ArrayList<>(2));
    }
    List<ServedModel.Lease> others = models.others(answering.entry().type(), present);
    try {
      for (ServedModel.Lease lease : others) {
        ServedModel other = lease.served();
        double[] prices =
            stones.size() == 1
                ? new double[] {other.model().predict(stones.get(0))}
                : other.model().predict(stones);
        ModelRef ref = ModelRef.of(other.entry());
        for (int j = 0; j < prices.length; j++) {
          if (Double.isFinite(prices[j]) && prices[j] > 0) {
            out.get(j).add(new SecondOpinion(ref, prices[j]));
          }
        }
      }
    } finally {
      others.forEach(ServedModel.Lease::close);
    }
    return out;
  }

  /** Throws a 422 problem naming the feature when the diamond lacks one the model needs. */
  public void requireFeatures(ServedModel served, Diamond diamond) {
    for (Feature f : served.requiredFeatures()) {
      if (!diamond.has(f)) {
        throw MissingFeatureProblem.of(new MissingFeatureException(f, served.entry().type()));
      }
    }
  }
}
