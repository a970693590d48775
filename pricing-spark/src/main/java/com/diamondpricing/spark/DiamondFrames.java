package com.diamondpricing.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Diamonds as Spark reads them: a CSV with a header or a Parquet file (or folder) with the columns
 * {@code carat, cut, color, clarity, depth, table, price, x, y, z}, cleaned by the notebook's rules
 * ({@code x * y * z == 0} and {@code price <= 0} left out) with the grades as the models' codes,
 * the same as a file read on one machine. Rows that cannot be read (an unknown grade, a missing or
 * malformed value) are left out, as on one machine, unless they are more than 5% of the file, which
 * is then refused with examples.
 */
final class DiamondFrames {

  static final List<String> COLUMNS =
      List.of("carat", "cut", "color", "clarity", "depth", "table", "price", "x", "y", "z");
  static final List<String> GRADES = List.of("cut", "color", "clarity");
  private static final int EXAMPLES = 5;

  static final StructType CSV_SCHEMA =
      new StructType()
          .add("carat", DataTypes.DoubleType)
          .add("cut", DataTypes.StringType)
          .add("color", DataTypes.StringType)
          .add("clarity", DataTypes.StringType)
          .add("depth", DataTypes.DoubleType)
          .add("table", DataTypes.DoubleType)
          .add("price", DataTypes.DoubleType)
          .add("x", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType)
          .add("z", DataTypes.DoubleType);

  private DiamondFrames() {}

  /** The file's format: {@code csv} or {@code parquet}, given or read off the path's ending. */
  static String format(String path, String given) {
    if (given != null && !given.isBlank()) {
      String f = given.toLowerCase(Locale.ROOT);
      if (!f.equals("csv") && !f.equals("parquet")) {
        throw new DataProblem("format must be csv or parquet, not " + given);
      }
      return f;
    }
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".parquet") || p.endsWith(".parquet/")) {
      return "parquet";
    }
    return "csv";
  }

  /** The file as read: every column, nothing dropped yet. */
  static Dataset<Row> read(SparkSession spark, String path, String format) {
    if ("parquet".equals(format)) {
      Dataset<Row> raw = spark.read().parquet(path);
      List<String> missing = new ArrayList<>();
      for (String c : COLUMNS) {
        if (!List.of(raw.columns()).contains(c)) {
          missing.add(c);
        }
      }
      if (!missing.isEmpty()) {
        throw new DataProblem(path + " lacks the column(s) " + String.join(", ", missing));
      }
      Column[] cols = new Column[COLUMNS.size()];
      for (int i = 0; i < cols.length; i++) {
        String c = COLUMNS.get(i);
        cols[i] =
            GRADES.contains(c)
                ? col(c).cast(DataTypes.StringType).as(c)
                : col(c).cast(DataTypes.DoubleType).as(c);
      }
      return raw.select(cols);
    }
    // PERMISSIVE with the record column: a malformed line is kept, then named and refused
    return spark
        .read()
        .option("header", "true")
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", "_corrupt")
        .schema(CSV_SCHEMA.add("_corrupt", DataTypes.StringType))
        .csv(path);
  }

  /**
   * The clean rows, grades as codes ({@code cut}, {@code color}, {@code clarity} as doubles), in
   * the file's order.
   *
   * @throws DataProblem when a row is malformed, lacks a value or has an unknown grade
   */
  static Dataset<Row> clean(Dataset<Row> raw) {
    boolean csv = List.of(raw.columns()).contains("_corrupt");
    Dataset<Row> coded =
        raw.withColumn("_cut", code(col("cut"), Cut.class))
            .withColumn("_color", code(col("color"), Color.class))
            .withColumn("_clarity", code(col("clarity"), Clarity.class));
    Column bad = csv ? col("_corrupt").isNotNull() : lit(false);
    for (String c : COLUMNS) {
      bad = bad.or(col(c).isNull());
    }
    for (String g : GRADES) {
      bad = bad.or(col("_" + g).isNull());
    }
    Dataset<Row> refused = coded.filter(bad);
    long n = refused.count();
    long total = n == 0 ? 0 : raw.count();
    if (n > 0 && n > DiamondCsvReader.DEFAULT_MAX_MALFORMED_SHARE * total) {
      List<String> shown = new ArrayList<>(COLUMNS);
      if (csv) {
        shown.add("_corrupt");
      }
      List<Row> examples =
          refused
              .select(
                  shown.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
              .limit(EXAMPLES)
              .collectAsList();
      StringBuilder m =
          new StringBuilder(
              n
                  + " of "
                  + total
                  + " row(s), more than "
                  + Math.round(DiamondCsvReader.DEFAULT_MAX_MALFORMED_SHARE * 100)
                  + "%, cannot be read (a malformed line, a missing value or an unknown"
                  + " grade; cut is one of "
                  + labels(Cut.class)
                  + ", color one of "
                  + labels(Color.class)
                  + ", clarity one of "
                  + labels(Clarity.class)
                  + "); for example:");
      for (Row r : examples) {
        m.append("\n  ").append(r.mkString(","));
      }
      throw new DataProblem(m.toString());
    }
    Column[] clean = new Column[COLUMNS.size()];
    for (int i = 0; i < clean.length; i++) {
      String c = COLUMNS.get(i);
      clean[i] = GRADES.contains(c) ? col("_" + c).as(c) : col(c);
    }
    return coded
        .filter(bad.unary_$bang())
        .select(clean)
        .filter(col("x").multiply(col("y")).multiply(col("z")).notEqual(0))
        .filter(col("price").gt(0));
  }

  /** A grade column as its levels' codes (null for an unknown label), by the one matching rule. */
  private static <G extends Enum<G> & Grade> Column code(Column label, Class<G> type) {
    Column folded = lower(regexp_replace(trim(label), " +", " "));
    Column coded = null;
    for (G level : type.getEnumConstants()) {
      Column is = folded.equalTo(level.label().toLowerCase(Locale.ROOT));
      coded =
          coded == null
              ? when(is, lit((double) level.code()))
              : coded.when(is, lit((double) level.code()));
    }
    return coded;
  }

  private static <G extends Enum<G> & Grade> String labels(Class<G> type) {
    List<String> l = new ArrayList<>();
    for (G level : type.getEnumConstants()) {
      l.add(level.label());
    }
    return String.join(", ", l);
  }
}
