package com.diamondpricing.server.sparkjobs;

import com.diamondpricing.data.Metrics;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One model's entry of the job's {@code result.json} (written by pricing-spark's {@code
 * SparkTrainCommand}).
 *
 * @param type the model type
 * @param artifact the artifact's file name, in the job's output folder
 * @param data the data the job read
 * @param rows clean rows
 * @param dataHash the hash of the training part's rows the provenance names
 * @param nTrain rows in the training part
 * @param nTest rows in the test part
 * @param test metrics on the test rows, priced on the cluster by the artifact's Java tree walk
 * @param coverage per interval level, the share of test rows inside their interval
 * @param trainingSeconds how long the model took to train
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JobResult(
    String type,
    String artifact,
    String data,
    long rows,
    String dataHash,
    int nTrain,
    int nTest,
    Metrics test,
    Map<Double, Double> coverage,
    double trainingSeconds) {}
