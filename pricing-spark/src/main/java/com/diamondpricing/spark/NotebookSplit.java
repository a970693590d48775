package com.diamondpricing.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import com.diamondpricing.data.TrainTestSplit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The single machine's split rule on a cluster: each clean row gets its position in the file's
 * order, the driver draws scikit-learn's permutation of that many positions ({@link
 * TrainTestSplit#notebook}, 4 bytes a row while it is drawn) and sends the test rows' positions to
 * the executors as a bit set (one bit a row: 12.5 MB at 100 million rows). The same file gives the
 * same test rows on one machine and on a cluster.
 */
final class NotebookSplit {

  static final String POSITION = "_position";

  final Dataset<Row> train;
  final Dataset<Row> test;
  final long rows;
  private final int[] trainOrder;

  private NotebookSplit(Dataset<Row> train, Dataset<Row> test, long rows, int[] trainOrder) {
    this.train = train;
    this.test = test;
    this.rows = rows;
    this.trainOrder = trainOrder;
  }

  /** The split of the clean rows (in the file's order). */
  static NotebookSplit of(SparkSession spark, Dataset<Row> clean) {
    Dataset<Row> positioned = positioned(spark, clean);
    positioned.cache();
    long n = positioned.count();
    if (n > Integer.MAX_VALUE - 8) {
      throw new DataProblem(n + " rows: the notebook's split draws at most 2^31 positions");
    }
    TrainTestSplit split = TrainTestSplit.notebook((int) n);
    BitSet test = new BitSet((int) n);
    for (int p : split.test()) {
      test.set(p);
    }
    Broadcast<BitSet> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(test);
    UserDefinedFunction inTest =
        udf((UDF1<Long, Boolean>) p -> shared.value().get(p.intValue()), DataTypes.BooleanType);
    return new NotebookSplit(
        positioned.filter(inTest.apply(col(POSITION)).equalTo(false)),
        positioned.filter(inTest.apply(col(POSITION))),
        n,
        split.train());
  }

  /**
   * The training rows at these positions of the single machine's training part (its order is
   * scikit-learn's), collected to the driver in that order.
   */
  List<Row> trainingRows(SparkSession spark, int[] trainPositions) {
    int[] positions = new int[trainPositions.length];
    BitSet wanted = new BitSet((int) rows);
    for (int k = 0; k < positions.length; k++) {
      positions[k] = trainOrder[trainPositions[k]];
      wanted.set(positions[k]);
    }
    Broadcast<BitSet> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(wanted);
    UserDefinedFunction in =
        udf((UDF1<Long, Boolean>) p -> shared.value().get(p.intValue()), DataTypes.BooleanType);
    List<Row> got = train.filter(in.apply(col(POSITION))).collectAsList();
    java.util.Map<Long, Row> byPosition = new java.util.HashMap<>(got.size() * 2);
    for (Row r : got) {
      byPosition.put(r.getLong(r.fieldIndex(POSITION)), r);
    }
    List<Row> ordered = new ArrayList<>(positions.length);
    for (int p : positions) {
      ordered.add(byPosition.get((long) p));
    }
    return ordered;
  }

  /** Training part size. */
  int trainSize() {
    return trainOrder.length;
  }

  /** The rows with their position in the file's order ({@link #POSITION}). */
  private static Dataset<Row> positioned(SparkSession spark, Dataset<Row> clean) {
    StructType schema = clean.schema().add(POSITION, DataTypes.LongType, false);
    return spark.createDataFrame(
        clean
            .javaRDD()
            .zipWithIndex()
            .map(
                t -> {
                  Row r = t._1();
                  Object[] values = new Object[r.size() + 1];
                  for (int i = 0; i < r.size(); i++) {
                    values[i] = r.get(i);
                  }
                  values[r.size()] = t._2();
                  return RowFactory.create(values);
                }),
        schema);
  }
}
