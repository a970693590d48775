package com.diamondpricing.server.prediction;

import com.diamondpricing.data.Feature;
import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.server.registry.ModelChoice;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelNotFoundProblem;
import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.system.DiamondsProperties;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(ServingProperties.class)
public class ServingModels {

  private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

  private final ModelRegistry registry;
  private final ModelTypes types;
  private final ModelChoice choice;
  private final String metric;
  private final Map<FeatureSet, AtomicReference<ServedModel>> champions =
      new EnumMap<>(FeatureSet.class);
  private final TypeLeaders leaders = new TypeLeaders();
  private final List<Consumer<ServedModel>> preparers = new CopyOnWriteArrayList<>();

  /** Champions that could not be loaded, and why. */
  private final ChampionLoadFailures failures = new ChampionLoadFailures();

  /** The other loaded models: asked for by id, or held before. */
  private final LoadedModels loaded;

  /** Models being loaded at once, at most (each load parses the model's JSON). */
  private final Semaphore loads = new Semaphore(2);

  ServingModels(
      ModelRegistry registry,
      ModelTypes types,
      ModelChoice choice,
      DiamondsProperties properties,
      ServingProperties serving) {
    this.registry = registry;
    this.types = types;
    this.choice = choice;
    this.metric = properties.champion().metric();
    this.loaded = new LoadedModels(serving.maxLoadedModels());
    for (FeatureSet set : FeatureSet.values()) {
      champions.put(set, new AtomicReference<>());
    }
  }

  /**
   * Reads the aliases now and swaps each feature set's champion in if it moved; then the best model
   * of each type and feature set, held for {@code ?model=TYPE} and for the other types' prices of
   * each stone.
   */
  public void refresh() {
    for (FeatureSet set : FeatureSet.values()) {
      refresh(set);
    }
    refreshLeaders();
  }

  private void refreshLeaders() {
    leaders.refresh(
        registry.bestOfEach(metric),
        failures.orNull(this::held),
        old -> {
          if (!isChampion(old)) {
            keep(old); // no longer a type's best: a model one may still ask for by id
          }
        });
  }

  private boolean isChampion(ServedModel model) {
    for (AtomicReference<ServedModel> champion : champions.values()) {
      if (champion.get() == model) {
        return true;
      }
    }
    return false;
  }

  /** The model with this id: a champion or one loaded already, else loaded now (not kept). */
  private ServedModel held(long id) {
    for (AtomicReference<ServedModel> champion : champions.values()) {
      ServedModel c = champion.get();
      if (c != null && c.entry().id() == id) {
        return c;
      }
    }
    ServedModel cached = loaded.take(id);
    return cached != null ? cached : serve(registry.get(id));
  }

  /**
   * Every other registered type's best model that can price a stone with these features (the
   * answering type's excluded), held for the call: each is leased, and the caller closes the
   * leases.
   */
  List<ServedModel.Lease> others(String type, Set<Feature> present) {
    List<ServedModel.Lease> out = new ArrayList<>(2);
    for (ServedModel m : leaders.others(type, present)) {
      ServedModel.Lease lease = m.lease();
      if (lease != null) {
        out.add(lease);
      }
    }
    return out;
  }

  private void refresh(FeatureSet set) {
    AtomicReference<ServedModel> champion = champions.get(set);
    Optional<Long> target = registry.aliasTarget(ModelRegistry.championAlias(set));
    ServedModel current = champion.get();
    if (target.isEmpty() || (current != null && current.entry().id() == target.get())) {
      failures.cleared(set);
      return;
    }
    ServedModel next = leaders.byId(target.get());
    if (next == null || next.closed()) {
      next = loaded.take(target.get());
    }
    if (next == null || next.closed()) {
      ModelEntry entry = null;
      try {
        entry = registry.get(target.get());
        next = serve(entry);
      } catch (RuntimeException e) {
        failures.failed(set, target.get(), entry, e); // the previous champion, if any, serves on
        return;
      }
    }
    failures.cleared(set);
    for (Consumer<ServedModel> preparer : preparers) {
      try {
        preparer.accept(next);
      } catch (RuntimeException e) {
        log.warn("Could not prepare for champion model {}: {}", next.entry().id(), e.toString());
      }
    }
    ServedModel previous = champion.getAndSet(next);
    if (previous != null && !leaders.holds(previous)) {
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
   * @throws NoChampionProblem when no champion is loaded
   * @throws ModelNotFoundProblem for an unknown id, or a type with no registered model
   */
  public ServedModel.Lease lease(String type, Long modelId, Set<Feature> present) {
    for (int attempt = 0; attempt < 3; attempt++) {
      ServedModel served =
          modelId != null
              ? byId(modelId)
              : type != null ? ofType(type, present) : championFor(present);
      ServedModel.Lease lease = served.lease();
      if (lease != null) {
        return lease;
      }
      // closed between the look-up and the hold (evicted, or a champion replaced): look again
    }
    throw new IllegalStateException("no model could be held for the request");
  }

  /** Why a set's champion could not be loaded (a previous one loaded before serves on). */
  Optional<ChampionLoadFailures.Failure> loadFailure(FeatureSet set) {
    return failures.of(set);
  }

  /**
   * The champion of the richest feature set the stone gives the features of. One that cannot be
   * loaded is said so (503 {@code champion-unloadable}), not stood in for by a poorer set's.
   */
  private ServedModel championFor(Set<Feature> present) {
    ServedModel richest = null;
    ChampionLoadFailures.Failure failure = null;
    for (FeatureSet set : FeatureSet.values()) {
      ServedModel c = champions.get(set).get();
      if (c != null) {
        if (c.prices(present)) {
          return c;
        }
        richest = richest == null ? c : richest;
      } else if (failures.of(set).isPresent()) {
        if (set.providedBy(present)) {
          throw new ChampionUnloadableProblem(failures.of(set).get());
        }
        failure = failure == null ? failures.of(set).get() : failure;
      }
    }
    if (richest == null) {
      throw failure != null ? new ChampionUnloadableProblem(failure) : new NoChampionProblem();
    }
    return richest;
  }

  /** How many models are loaded besides the champion. */
  int loadedCount() {
    return loaded.size();
  }

  private ServedModel byId(long id) {
    for (AtomicReference<ServedModel> champion : champions.values()) {
      ServedModel c = champion.get();
      if (c != null && c.entry().id() == id) {
        return c;
      }
    }
    ServedModel leader = leaders.byId(id);
    if (leader != null && !leader.closed()) {
      return leader;
    }
    ServedModel cached = loaded.get(id);
    if (cached != null) {
      return cached;
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

  private ServedModel keep(ServedModel model) {
    return loaded.keep(model);
  }

  /**
   * The best model of a type for a stone with these features: the one held (see {@link
   * TypeLeaders}); a type the last refresh did not know is looked for again at once.
   */
  private ServedModel ofType(String requested, Set<Feature> present) {
    String name = choice.model(requested);
    List<FeatureSet> sets = types.get(name).featureSets();
    ServedModel held = leaders.of(name, sets, present);
    if (held == null) {
      refreshLeaders(); // a type registered since the last refresh
      held = leaders.of(name, sets, present);
    }
    if (held == null) {
      throw new ModelNotFoundProblem("no " + name + " model is registered");
    }
    return held;
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
