package com.diamondpricing.server.sparkjobs;

/**
 * Where a run trains when it trains on Spark, fixed when the run is recorded.
 *
 * @param master the Spark master URL ({@code local[2]}, {@code spark://host:7077}, ...)
 * @param workers XGBoost workers on the cluster for the final fit
 * @param data the data as the cluster reads it (the file the run's snapshot was stored from)
 */
public record SparkRun(String master, int workers, String data) {}
