package com.diamondpricing.spark;

import org.apache.spark.sql.SparkSession;

/** Spark in this JVM with two task slots, bound to the loopback address, without its web UI. */
final class LocalSpark {

  private LocalSpark() {}

  static SparkSession start() {
    return SparkSession.builder()
        .appName("pricing-spark tests")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate();
  }
}
