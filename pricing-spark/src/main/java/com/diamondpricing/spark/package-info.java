/**
 * The Spark training job, run in its own JVM by the server's {@code sparkjobs} package or by {@code
 * spark-submit}: reads the data as a Spark frame ({@code DiamondFrames}), splits it as the notebook
 * does ({@code NotebookSplit}), tunes and fits XGBoost with xgboost4j-spark ({@code
 * SparkXgboostTrainer}), evaluates on the test rows and writes the model and {@code result.json}
 * ({@code SparkTrainCommand}, {@code SparkTraining}).
 */
package com.diamondpricing.spark;
