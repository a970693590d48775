package com.diamondpricing.server.dataset;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DatasetCodec;
import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import com.diamondpricing.data.QualityReport;
import com.diamondpricing.server.system.Json;
import com.diamondpricing.server.system.SqlTimes;
import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Immutable dataset snapshots in the database. Ingesting a CSV file validates it whole (nothing is
 * stored when it is rejected), then stores the clean rows as a new snapshot, or reuses the snapshot
 * that already holds identical content, and makes it the current data.
 */
@Service
@EnableConfigurationProperties(UploadProperties.class)
public class DatasetStore {

  private static final Logger log = LoggerFactory.getLogger(DatasetStore.class);
  private static final String COLUMNS =
      "id, content_hash, source, mode, parent_id, created_at, rows_read, rows_kept, rows_dropped,"
          + " rows_malformed, quality_report";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Map<Long, Dataset> cache =
      new LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Dataset> eldest) {
          return size() > 2;
        }
      };

  private final long maxRows;
  private final Clock clock;

  DatasetStore(JdbcClient jdbc, TransactionTemplate tx, UploadProperties upload, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.maxRows = upload.maxRows();
    this.clock = clock;
  }

  /**
   * Reads, validates and stores a CSV file.
   *
   * @throws DatasetRejectedException when the file cannot be used; nothing is stored then
   */
  public IngestResult ingest(InputStream in, String source, IngestMode mode)
      throws IOException, DatasetRejectedException {
    LoadedDataset loaded =
        new DiamondCsvReader(DiamondCsvReader.DEFAULT_MAX_MALFORMED_SHARE, maxRows)
            .read(in, source);
    return store(loaded, source, mode);
  }

  /** Stores an already validated dataset (for example the bundled one). */
  public IngestResult store(LoadedDataset loaded, String source, IngestMode mode) {
    return tx.execute(
        status -> {
          Optional<Snapshot> current = current();
          Dataset rows = loaded.dataset();
          Long parent = null;
          if (mode == IngestMode.APPEND && current.isPresent()) {
            rows = rows(current.get().id()).append(rows);
            parent = current.get().id();
          }
          String hash = rows.contentHash();
          Optional<Snapshot> existing = findByHash(hash);
          Snapshot snapshot;
          if (existing.isPresent()) {
            snapshot = existing.get();
          } else {
            snapshot = insert(rows, hash, source, mode, parent, loaded.report());
            synchronized (cache) {
              cache.put(snapshot.id(), rows);
            }
          }
          makeCurrent(snapshot.id());
          log.info(
              "Dataset snapshot {} ({} rows, {}) from {} is now current",
              snapshot.id(),
              snapshot.rowsKept(),
              existing.isPresent() ? "identical content reused" : mode.value(),
              source);
          return new IngestResult(
              snapshot,
              loaded.report(),
              existing.isPresent(),
              mode,
              current.map(Snapshot::rowsKept).orElse(0));
        });
  }

  private Snapshot insert(
      Dataset rows, String hash, String source, IngestMode mode, Long parent, QualityReport r) {
    Instant now = SqlTimes.now(clock);
    String report = Json.write(QualityReportView.of(r));
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into dataset_snapshot (content_hash, source, mode, parent_id, created_at,"
                + " rows_read, rows_kept, rows_dropped, rows_malformed, quality_report, data)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            hash,
            truncate(source, 500),
            mode.value(),
            parent,
            SqlTimes.sql(now),
            r.rowsRead(),
            rows.size(),
            r.droppedRows(),
            r.malformedRows(),
            report,
            DatasetCodec.encode(rows))
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    return find(id).orElseThrow();
  }

  private void makeCurrent(long snapshotId) {
    int updated =
        jdbc.sql(
                "update dataset_current set snapshot_id = ?, updated_at = ? where name = 'current'")
            .params(snapshotId, SqlTimes.sql(SqlTimes.now(clock)))
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into dataset_current (name, snapshot_id, updated_at) values ('current', ?,"
                  + " ?)")
          .params(snapshotId, SqlTimes.sql(SqlTimes.now(clock)))
          .update();
    }
  }

  /** The current data, if any was ever ingested. */
  public Optional<Snapshot> current() {
    return jdbc.sql(
            "select "
                + prefixed("s")
                + " from dataset_snapshot s join dataset_current c on c.snapshot_id = s.id"
                + " where c.name = 'current'")
        .query(DatasetStore::snapshot)
        .optional();
  }

  public Optional<Snapshot> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from dataset_snapshot where id = ?")
        .param(id)
        .query(DatasetStore::snapshot)
        .optional();
  }

  private Optional<Snapshot> findByHash(String hash) {
    return jdbc.sql("select " + COLUMNS + " from dataset_snapshot where content_hash = ?")
        .param(hash)
        .query(DatasetStore::snapshot)
        .optional();
  }

  /** Every snapshot, newest first. */
  public List<Snapshot> list() {
    return jdbc.sql("select " + COLUMNS + " from dataset_snapshot order by id desc")
        .query(DatasetStore::snapshot)
        .list();
  }

  /**
   * The sorted row hashes ({@link Dataset#rowHash}) of a snapshot's training part, split as the
   * pipeline splits it: the rows a model evaluated on this snapshot learned from, to leave out of a
   * fair comparison.
   */
  public long[] trainingRowHashes(long snapshotId) {
    Dataset all = rows(snapshotId);
    int[] train = com.diamondpricing.data.TrainTestSplit.notebook(all.size()).train();
    long[] hashes = new long[train.length];
    for (int i = 0; i < train.length; i++) {
      hashes[i] = all.rowHash(train[i]);
    }
    java.util.Arrays.sort(hashes);
    return hashes;
  }

  /** The rows of a snapshot (the two most recently used are kept in memory). */
  public Dataset rows(long snapshotId) {
    synchronized (cache) {
      Dataset d = cache.get(snapshotId);
      if (d != null) {
        return d;
      }
    }
    byte[] data =
        jdbc.sql("select data from dataset_snapshot where id = ?")
            .param(snapshotId)
            .query((rs, n) -> rs.getBytes(1))
            .optional()
            .orElseThrow(() -> new IllegalArgumentException("no dataset snapshot " + snapshotId));
    Dataset d = DatasetCodec.decode(data);
    synchronized (cache) {
      cache.put(snapshotId, d);
    }
    return d;
  }

  private static String prefixed(String alias) {
    return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
  }

  private static Snapshot snapshot(ResultSet rs, int row) throws SQLException {
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    return new Snapshot(
        rs.getLong("id"),
        rs.getString("content_hash"),
        rs.getString("source"),
        IngestMode.parse(rs.getString("mode")),
        parentId,
        SqlTimes.instant(rs.getTimestamp("created_at")),
        rs.getLong("rows_read"),
        rs.getInt("rows_kept"),
        rs.getLong("rows_dropped"),
        rs.getLong("rows_malformed"),
        Json.read(rs.getString("quality_report"), QualityReportView.class));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
