package com.diamondpricing.server.prediction;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.server.registry.ModelEntry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Each feature set's champion that could not be loaded, and why: what {@link ServingModels} answers
 * ({@link ChampionUnloadableProblem}) and readiness reports ({@link ServingModelHealth}) instead of
 * "no champion yet". The champion poller tries again at each turn; a failure is logged once (ERROR,
 * with the cause) until it changes or the champion loads.
 */
final class ChampionLoadFailures {

  private static final Logger log = LoggerFactory.getLogger(ServingModels.class);

  private final Map<FeatureSet, Failure> failures = new ConcurrentHashMap<>();
  private final Set<Long> leadersLogged = ConcurrentHashMap.newKeySet();

  /**
   * Why a feature set's champion is not loaded.
   *
   * @param set the feature set
   * @param modelId the champion's id (the alias's target)
   * @param model its type and version ("linear v1"), or null when even its entry could not be read
   * @param reason why, in words a client may read (no class names, no database text)
   */
  record Failure(FeatureSet set, long modelId, String model, String reason) {

    /** One sentence: which model, why, what to do. */
    String sentence() {
      return "the champion for "
          + set.label()
          + " features, model "
          + modelId
          + (model != null ? " (" + model + ")" : "")
          + ", cannot be loaded: "
          + reason
          + "; an operator must restore it or promote another model";
    }
  }

  /** Records that {@code set}'s champion, model {@code modelId}, failed to load with {@code e}. */
  void failed(FeatureSet set, long modelId, ModelEntry entry, RuntimeException e) {
    Failure failure =
        new Failure(
            set,
            modelId,
            entry != null ? entry.type() + " v" + entry.version() : null,
            reason(e, entry));
    Failure before = failures.put(set, failure);
    if (!failure.equals(before)) {
      log.error(
          "Champion model {} for {} features cannot be loaded, {}; stones it would price are"
              + " answered 503 champion-unloadable until it is restored or another model is"
              + " promoted. Cause: {}",
          modelId,
          set.label(),
          failure.reason(),
          causes(e));
    }
  }

  /** Forgets {@code set}'s failure: its champion loaded, or the alias moved or went. */
  void cleared(FeatureSet set) {
    Failure before = failures.remove(set);
    if (before != null) {
      log.info("Champion for {} features: model {} no longer fails to load", set, before.modelId());
    }
  }

  /**
   * {@code load} for a type's best model (held for {@code ?model=TYPE} and second opinions), null
   * when it cannot be loaded: logged once per model, unless it is a champion logged already.
   */
  LongFunction<ServedModel> orNull(LongFunction<ServedModel> load) {
    return modelId -> {
      try {
        return load.apply(modelId);
      } catch (RuntimeException e) {
        boolean champion = failures.values().stream().anyMatch(f -> f.modelId() == modelId);
        if (leadersLogged.add(modelId) && !champion) {
          log.warn("Model {} cannot be loaded to serve its type: {}", modelId, causes(e));
        }
        return null;
      }
    };
  }

  Optional<Failure> of(FeatureSet set) {
    return Optional.ofNullable(failures.get(set));
  }

  /** The client's words for why loading failed; the exception itself goes to the log. */
  private static String reason(RuntimeException e, ModelEntry entry) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ModelLoadException) {
        return "its stored artifact is damaged (not a readable "
            + (entry != null ? entry.type() + " " : "")
            + "model)";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLiteException s && damaged(s.getResultCode())) {
        return "the database file is damaged where the model is stored";
      }
    }
    if (e instanceof DataAccessException) {
      return "the database could not read it";
    }
    return "loading it failed (the server log has the cause)";
  }

  private static boolean damaged(SQLiteErrorCode code) {
    int primary = code == null ? -1 : code.code & 0xff;
    return primary == SQLiteErrorCode.SQLITE_CORRUPT.code
        || primary == SQLiteErrorCode.SQLITE_NOTADB.code;
  }

  /** The exception and its causes, one line: "A: x; caused by B: y". */
  private static String causes(Throwable e) {
    StringBuilder out = new StringBuilder(e.toString());
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      out.append("; caused by ").append(t);
    }
    return out.toString();
  }
}
