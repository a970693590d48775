package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelChoice;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelNotFoundException;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The models that answer predictions. Each feature set's champion is held in memory (pinned) and
 * swapped atomically when its alias ({@link ModelRegistry#championAlias}) moves, whether this
 * server moved it or another one sharing the database did: the {@link ChampionPoller} reads the
 * aliases every {@code diamonds.serving.poll-interval} (default 1 s). A request is answered by the
 * champion of the richest feature set whose features it gives (a stone without measurements by the
 * champion of the four Cs): no model is asked about a feature it never saw missing. Models asked
 * for by id or type are loaded on demand and kept in a cache of the {@code
 * diamonds.serving.max-loaded-models} (default 8) used most recently; a model that falls out of it,
 * or a champion replaced, is closed (its native memory freed) once the requests using it are done.
 */
@Service
public class ServingModels {

  private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

  private final ModelRegistry registry;
  private final ModelTypes types;
  private final ModelChoice choice;
  private final String metric;
  private final Duration pollInterval;
  private final int maxLoaded;
  private final Map<FeatureSet, AtomicReference<ServedModel>> champions =
      new EnumMap<>(FeatureSet.class);
  private final Map<String, BestOfType> bestByType = new ConcurrentHashMap<>();
  private final List<Consumer<ServedModel>> preparers = new CopyOnWriteArrayList<>();

  /** The other loaded models, least recently used first (guarded by itself). */
  private final LinkedHashMap<Long, ServedModel> loaded = new LinkedHashMap<>(16, 0.75f, true);

  /** Models being loaded at once, at most (each load parses the model's JSON). */
  private final Semaphore loads = new Semaphore(2);

  /** The best registered model of a type and feature set (id null: none), until it expires. */
  private record BestOfType(Long id, long expiresAtNanos) {}

  ServingModels(
      ModelRegistry registry,
      ModelTypes types,
      ModelChoice choice,
      DiamondsProperties properties,
      @Value("${diamonds.serving.poll-interval:1s}") Duration pollInterval,
      @Value("${diamonds.serving.max-loaded-models:8}") int maxLoaded) {
    this.registry = registry;
    this.types = types;
    this.choice = choice;
    this.metric = properties.champion().metric();
    this.pollInterval = pollInterval;
    if (maxLoaded < 1) {
      throw new IllegalArgumentException("diamonds.serving.max-loaded-models must be at least 1");
    }
    this.maxLoaded = maxLoaded;
    for (FeatureSet set : FeatureSet.values()) {
      champions.put(set, new AtomicReference<>());
    }
  }

  /** Reads the aliases now and swaps each feature set's champion in if it moved. */
  public void refresh() {
    for (FeatureSet set : FeatureSet.values()) {
      refresh(set);
    }
  }

  private void refresh(FeatureSet set) {
    AtomicReference<ServedModel> champion = champions.get(set);
    Optional<Long> target = registry.aliasTarget(ModelRegistry.championAlias(set));
    ServedModel current = champion.get();
    if (target.isEmpty() || (current != null && current.entry().id() == target.get())) {
      return;
    }
    ServedModel next;
    synchronized (loaded) {
      next = loaded.remove(target.get());
    }
    if (next == null || next.closed()) {
      next = serve(registry.get(target.get()));
    }
    for (Consumer<ServedModel> preparer : preparers) {
      try {
        preparer.accept(next);
      } catch (RuntimeException e) {
        log.warn("Could not prepare for champion model {}: {}", next.entry().id(), e.toString());
      }
    }
    ServedModel previous = champion.getAndSet(next);
    if (previous != null) {
      keep(previous); // still a model one may ask for by id (a copy loaded meanwhile wins)
    }
    log.info(
        "Serving champion model {} ({} v{}) for {} features",
        next.entry().id(),
        next.entry().type(),
        next.entry().version(),
        set.label());
  }

  /**
   * Runs {@code preparer} with each new champion before it is swapped in (on the thread that swaps
   * it), so that what the champion needs besides itself, such as the similar-diamonds index of its
   * snapshot, is ready before the first request. A preparer that fails is logged; the swap goes on.
   */
  public void prepareEachChampion(Consumer<ServedModel> preparer) {
    preparers.add(preparer);
  }

  /**
   * The champion of every feature, else of the richest feature set that has one, if one is loaded
   * (for what it is: hold a {@link #lease} to predict with it).
   */
  public Optional<ServedModel> champion() {
    for (FeatureSet set : FeatureSet.values()) {
      ServedModel c = champions.get(set).get();
      if (c != null) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** A feature set's champion, if one is loaded. */
  public Optional<ServedModel> champion(FeatureSet set) {
    return Optional.ofNullable(champions.get(set).get());
  }

  /**
   * A hold on the model a request asks for: {@code modelId} exactly; else the best registered
   * version of {@code type}, else the champion, of the richest feature set whose features the stone
   * gives ({@code present}). When no such model gives them, the richest one there is (the caller
   * refuses the stone, naming what it lacks). Close it when the request is done.
   *
   * @throws NoChampionException when no champion is loaded
   * @throws ModelNotFoundException for an unknown id, or a type with no registered model
   */
  public ServedModel.Lease lease(String type, Long modelId, Set<Feature> present) {
    for (int attempt = 0; attempt < 3; attempt++) {
      ServedModel served =
          modelId != null
              ? byId(modelId)
              : type != null ? byId(bestOfType(type, present)) : championFor(present);
      ServedModel.Lease lease = served.lease();
      if (lease != null) {
        return lease;
      }
      // closed between the look-up and the hold (evicted, or a champion replaced): look again
    }
    throw new IllegalStateException("no model could be held for the request");
  }

  /**
   * The prices the model's evaluation fit (the one fitted on its snapshot's training part and
   * scored on the test rows) gives the rows: the served model itself when it is that fit, else the
   * evaluation fit loaded from the registry for the call. For what is measured on the test rows,
   * which a model refitted on every row has seen.
   */
  public double[] predictWithEvaluationFit(ModelEntry entry, Dataset rows) {
    if (!entry.separateEvaluation()) {
      try (ServedModel.Lease lease = lease(null, entry.id(), FeatureSet.ALL.features())) {
        return lease.served().model().predict(rows);
      }
    }
    try (TrainedModel model = registry.loadEvaluation(entry.id())) {
      return model.predict(rows);
    } catch (ModelLoadException e) {
      throw new IllegalStateException(
          "model " + entry.id() + "'s evaluation fit cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** The champion of the richest feature set the stone gives the features of. */
  private ServedModel championFor(Set<Feature> present) {
    ServedModel richest = null;
    for (FeatureSet set : FeatureSet.values()) {
      ServedModel c = champions.get(set).get();
      if (c != null) {
        if (c.prices(present)) {
          return c;
        }
        richest = richest == null ? c : richest;
      }
    }
    if (richest == null) {
      throw new NoChampionException();
    }
    return richest;
  }

  /** How many models are loaded besides the champion. */
  int loadedCount() {
    synchronized (loaded) {
      return loaded.size();
    }
  }

  private ServedModel byId(long id) {
    for (AtomicReference<ServedModel> champion : champions.values()) {
      ServedModel c = champion.get();
      if (c != null && c.entry().id() == id) {
        return c;
      }
    }
    synchronized (loaded) {
      ServedModel cached = loaded.get(id);
      if (cached != null && !cached.closed()) {
        return cached;
      }
    }
    ServedModel fresh;
    try {
      loads.acquire(); // a few loads at a time: a stream of ids cannot take every core
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to load model " + id, e);
    }
    try {
      fresh = serve(registry.get(id));
    } finally {
      loads.release();
    }
    return keep(fresh);
  }

  /**
   * Puts a model in the cache, unless another request put the same one meanwhile (then that one is
   * kept and this one closed), and closes the least recently used one past the bound.
   */
  private ServedModel keep(ServedModel model) {
    List<ServedModel> retired = new ArrayList<>(2);
    ServedModel kept;
    synchronized (loaded) {
      ServedModel present = loaded.get(model.entry().id());
      if (present != null && present != model && !present.closed()) {
        kept = present;
        retired.add(model);
      } else {
        loaded.put(model.entry().id(), model);
        kept = model;
        if (loaded.size() > maxLoaded) {
          Map.Entry<Long, ServedModel> eldest = loaded.entrySet().iterator().next();
          loaded.remove(eldest.getKey());
          retired.add(eldest.getValue());
        }
      }
    }
    for (ServedModel r : retired) {
      if (r != kept) {
        log.info(
            "Model {} ({} v{}) leaves the {} loaded models; it is closed once unused",
            r.entry().id(),
            r.entry().type(),
            r.entry().version(),
            maxLoaded);
      }
      r.retire();
    }
    return kept;
  }

  /**
   * The id of the best registered version of a type (named as {@link ModelChoice} reads names) on
   * the richest feature set whose model the stone gives the features of: the lowest test error on
   * the metric. When none does, the best of the richest set the type has.
   */
  private long bestOfType(String requested, Set<Feature> present) {
    String name = choice.model(requested);
    ModelType type = types.get(name);
    Long richest = null;
    for (FeatureSet set : type.featureSets()) {
      Long best = bestOf(name, set);
      if (best != null) {
        if (present.containsAll(type.requiredFeatures(set))) {
          return best;
        }
        richest = richest == null ? best : richest;
      }
    }
    if (richest == null) {
      throw new ModelNotFoundException("no " + name + " model is registered");
    }
    return richest;
  }

  /** The best registered model of a type and feature set, or null; known for a poll interval. */
  private Long bestOf(String type, FeatureSet set) {
    String key = type + "/" + set.label();
    BestOfType cached = bestByType.get(key);
    if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
      return cached.id();
    }
    Comparator<ModelEntry> byMetric = Comparator.comparingDouble(e -> e.test().get(metric));
    if (metric.equals("r2")) {
      byMetric = byMetric.reversed();
    }
    Long best =
        registry.list().stream()
            .filter(e -> e.type().equals(type) && e.featureSet() == set)
            .min(byMetric.thenComparing(ModelEntry::id, Comparator.reverseOrder()))
            .map(ModelEntry::id)
            .orElse(null);
    bestByType.put(key, new BestOfType(best, System.nanoTime() + pollInterval.toNanos()));
    return best;
  }

  private ServedModel serve(ModelEntry entry) {
    try {
      return new ServedModel(entry, types.get(entry.type()), registry.load(entry.id()));
    } catch (ModelLoadException e) {
      throw new IllegalStateException(
          "model " + entry.id() + " cannot be loaded: " + e.getMessage(), e);
    }
  }
}
