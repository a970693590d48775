package com.diamondpricing.server.registry;

import com.diamondpricing.model.FeatureSet;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.system.SqlTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Every model ever trained, with its metrics, parameters, provenance and artifact, in the database
 * (so servers sharing PostgreSQL need no shared disk), and the aliases that point at them ({@value
 * #CHAMPION} names the serving model). Entries are never modified; every alias move is recorded.
 */
@Service
public class ModelRegistry {

  public static final String CHAMPION = "champion";

  /** Attempts at a version number or an alias move that other servers keep taking first. */
  static final int MAX_ATTEMPTS = 20;

  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final ModelTypes types;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final ModelInserts inserts;

  ModelRegistry(
      JdbcClient jdbc,
      TransactionTemplate tx,
      ModelTypes types,
      Clock clock,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.types = types;
    this.clock = clock;
    this.events = events;
    this.inserts = new ModelInserts(jdbc, tx, clock);
  }

  /**
   * Registers a trained model as the next version of its type: the served artifact, the evaluation
   * fit apart from it when they differ, the served ranges and their coverage. Servers registering
   * the same type at once may pick the same number: the loser of the unique key tries the next one.
   * Once committed, {@link ModelRegistered} is published (a listener's failure is logged, never the
   * caller's).
   */
  public ModelEntry register(Registration r) {
    for (int attempt = 1; ; attempt++) {
      try {
        ModelEntry entry = inserts.insert(r, this::find);
        try {
          events.publishEvent(new ModelRegistered(entry, r.evaluated()));
        } catch (RuntimeException e) {
          log.warn("A listener of model {}'s registration failed", entry.id(), e);
        }
        return entry;
      } catch (DataAccessException e) {
        if (!keyTaken(e) || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        log.info(
            "Version of a new {} model taken by another server; trying the next",
            r.evaluated().type());
      }
    }
  }

  /**
   * The id of the best registered model of each type and feature set: the lowest test error on the
   * metric (the highest R2), the newest of equals. One light query (no provenance read): what
   * serving reads every poll interval to keep the best of each type loaded.
   */
  public Map<String, Map<FeatureSet, Long>> bestOfEach(String metric) {
    return BestModels.of(jdbc, metric);
  }

  /** The model registered with this fingerprint, the newest if several. */
  public Optional<ModelEntry> byFingerprint(String fingerprint) {
    return jdbc.sql(
            "select "
                + ModelRows.COLUMNS
                + " from model where fingerprint = ? order by id desc limit 1")
        .param(fingerprint)
        .query(ModelRows::entry)
        .optional();
  }

  public Optional<ModelEntry> find(long id) {
    return jdbc.sql("select " + ModelRows.COLUMNS + " from model where id = ?")
        .param(id)
        .query(ModelRows::entry)
        .optional();
  }

  public ModelEntry get(long id) {
    return find(id).orElseThrow(() -> new ModelNotFoundProblem("no model with id " + id));
  }

  /** Every model, newest first. */
  public List<ModelEntry> list() {
    return jdbc.sql("select " + ModelRows.COLUMNS + " from model order by id desc")
        .query(ModelRows::entry)
        .list();
  }

  public boolean isEmpty() {
    return jdbc.sql("select count(*) from model").query(Long.class).single() == 0;
  }

  /** The model an alias points at. */
  public Optional<ModelEntry> alias(String alias) {
    return jdbc.sql(
            "select "
                + ModelRows.COLUMNS
                + " from model where id = (select model_id from model_alias where alias = ?)")
        .param(alias)
        .query(ModelRows::entry)
        .optional();
  }

  /** The champion of the models of every feature. */
  public Optional<ModelEntry> champion() {
    return alias(CHAMPION);
  }

  /** The champion of a feature set's models. */
  public Optional<ModelEntry> champion(FeatureSet set) {
    return alias(championAlias(set));
  }

  /** Whether the model is the champion of its feature set. */
  public boolean isChampion(ModelEntry model) {
    return aliasTarget(championAlias(model.featureSet())).map(id -> id == model.id()).orElse(false);
  }

  /** The ids of the champions, one per feature set that has one. */
  public java.util.Set<Long> championIds() {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (FeatureSet set : FeatureSet.values()) {
      aliasTarget(championAlias(set)).ifPresent(ids::add);
    }
    return ids;
  }

  /**
   * Makes a model the champion of its feature set by hand (a promotion or a rollback), recording
   * why and who (a key id, or null); empty when it already is.
   */
  public Optional<AliasChange> promote(long modelId, String reason, String by) {
    return moveAlias(championAlias(get(modelId).featureSet()), modelId, reason, by);
  }

  /**
   * The alias naming a feature set's champion: {@value #CHAMPION} for {@link FeatureSet#ALL} (what
   * it always named), {@code champion-four-cs} for the four Cs.
   */
  public static String championAlias(FeatureSet set) {
    return set == FeatureSet.ALL ? CHAMPION : CHAMPION + "-" + set.label();
  }

  /** The id the alias points at now, without reading the model (cheap enough to poll). */
  public Optional<Long> aliasTarget(String alias) {
    return jdbc.sql("select model_id from model_alias where alias = ?")
        .param(alias)
        .query(Long.class)
        .optional();
  }

  /**
   * Points an alias at a model and records the move, whatever it pointed at. Pointing it where it
   * already points changes and records nothing.
   */
  public Optional<AliasChange> moveAlias(String alias, long modelId, String reason) {
    return moveAlias(alias, modelId, reason, null);
  }

  private Optional<AliasChange> moveAlias(String alias, long modelId, String reason, String by) {
    for (int attempt = 1; ; attempt++) {
      Optional<Long> from = aliasTarget(alias);
      if (from.isPresent() && from.get() == modelId) {
        get(modelId);
        return Optional.empty();
      }
      Move move = moveAlias(alias, from.orElse(null), modelId, reason, by);
      if (move.change().isPresent() || attempt >= MAX_ATTEMPTS) {
        return move.change();
      }
    }
  }

  /** The outcome of a compare-and-set of an alias: the change, or none when the alias moved. */
  public record Move(Optional<AliasChange> change) {
    public boolean moved() {
      return change.isPresent();
    }
  }

  /**
   * Points an alias at a model only if it still points at {@code expected} (null: nowhere), and
   * records the move in the same transaction: of several servers moving it at once, one wins and
   * the others are told; the history's {@code from} is always the previous {@code to}.
   */
  public Move moveAlias(String alias, Long expected, long modelId, String reason) {
    return moveAlias(alias, expected, modelId, reason, null);
  }

  private Move moveAlias(String alias, Long expected, long modelId, String reason, String by) {
    get(modelId);
    try {
      return tx.execute(
          status -> {
            Instant now = SqlTimes.now(clock);
            int changed;
            if (expected != null) {
              changed =
                  jdbc.sql(
                          "update model_alias set model_id = ?, updated_at = ?"
                              + " where alias = ? and model_id = ?")
                      .params(modelId, SqlTimes.sql(now), alias, expected)
                      .update();
            } else {
              changed =
                  jdbc.sql("insert into model_alias (alias, model_id, updated_at) values (?, ?, ?)")
                      .params(alias, modelId, SqlTimes.sql(now))
                      .update();
            }
            if (changed != 1) {
              return new Move(Optional.empty());
            }
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql(
                    "insert into alias_change (alias, from_model_id, to_model_id, changed_at,"
                        + " reason, key_id) values (?, ?, ?, ?, ?, ?)")
                .params(alias, expected, modelId, SqlTimes.sql(now), truncate(reason, 2000), by)
                .update(key, "id");
            log.info("Alias {} moved from {} to model {}: {}", alias, expected, modelId, reason);
            return new Move(
                Optional.of(
                    new AliasChange(
                        key.getKeyAs(Number.class).longValue(),
                        alias,
                        expected,
                        modelId,
                        now,
                        reason,
                        by)));
          });
    } catch (DataAccessException e) {
      if (!keyTaken(e)) {
        throw e;
      }
      return new Move(Optional.empty()); // another server set the alias first
    }
  }

  /** Every move of an alias, oldest first. */
  public List<AliasChange> history(String alias) {
    return jdbc.sql(
            "select id, alias, from_model_id, to_model_id, changed_at, reason, key_id from"
                + " alias_change"
                + " where alias = ? order by id")
        .param(alias)
        .query((rs, n) -> AliasChange.of(rs))
        .list();
  }

  /** The stored artifact bytes. */
  public byte[] artifact(long id) {
    return jdbc.sql("select artifact from model where id = ?")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .optional()
        .orElseThrow(() -> new ModelNotFoundProblem("no model with id " + id));
  }

  /**
   * The model loaded from its artifact, ready to predict. Each call loads it anew: the caller owns
   * it and closes it (the server keeps the models it serves in {@code prediction.ServingModels}).
   *
   * @throws ModelNotFoundProblem when there is no such model
   * @throws ModelLoadException when its type is not on the class path or its bytes are bad
   */
  public TrainedModel load(long id) throws ModelLoadException {
    ModelEntry e = get(id);
    return types.get(e.type()).load(artifact(id));
  }

  /**
   * The model's evaluation fit, the one fitted on its snapshot's training part and scored on the
   * test rows (the served artifact itself for a model that serves that fit). The caller closes it.
   */
  public TrainedModel loadEvaluation(long id) throws ModelLoadException {
    ModelEntry e = get(id);
    byte[] bytes =
        jdbc.sql("select coalesce(evaluation_artifact, artifact) from model where id = ?")
            .param(id)
            .query((rs, n) -> rs.getBytes(1))
            .single();
    return types.get(e.type()).load(bytes);
  }

  /**
   * Whether a write failed on a unique key (a version or an alias another server took first).
   * SQLite's driver sets no SQL state, so Spring reports its constraint violations uncategorized:
   * its result code tells.
   */
  static boolean keyTaken(DataAccessException e) {
    if (e instanceof DataIntegrityViolationException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException s
          && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
              || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE)) {
        return true;
      }
    }
    return false;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
