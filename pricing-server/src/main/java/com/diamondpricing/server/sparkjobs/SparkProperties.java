package com.diamondpricing.server.sparkjobs;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs on Spark are started ({@code diamonds.spark.*}).
 *
 * @param jobDir the built training job: the folder with {@code job.args}, {@code
 *     pricing-spark/target}, which {@code bin/diamonds train --engine spark} builds and names
 * @param jvmOptions options of the job's JVM (the driver), before the job's argument file
 */
@ConfigurationProperties("diamonds.spark")
public record SparkProperties(Path jobDir, @DefaultValue("-Xmx4g") List<String> jvmOptions) {}
