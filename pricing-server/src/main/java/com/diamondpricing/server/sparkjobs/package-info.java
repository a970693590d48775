/**
 * Training runs on Spark, from the server's side: {@code SparkJobs} starts the {@code
 * pricing-spark} module's job in its own JVM (its dependencies never enter the server), waits for
 * it and reads its {@code result.json} back ({@code JobResult}); settings in {@link
 * com.diamondpricing.server.sparkjobs.SparkProperties}. The job itself lives in {@code
 * pricing-spark}.
 */
package com.diamondpricing.server.sparkjobs;
