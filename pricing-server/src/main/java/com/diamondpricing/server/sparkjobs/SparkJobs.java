package com.diamondpricing.server.sparkjobs;

import com.diamondpricing.data.Metrics;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingProgress;
import com.diamondpricing.server.system.DiamondsProperties;
import com.diamondpricing.server.system.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Runs pricing-spark's training job for one model type and brings its model back: the job runs in a
 * JVM of its own (Spark never enters this one), as the driver of the run's Spark master, with the
 * class path and Java 17 opens its build wrote to {@code job.args}. It reads the data where the
 * cluster reads it, splits it by the notebook's rule, tunes on the driver, fits on the cluster and
 * prices the test rows there; this side loads the artifact through the model type (the same checks
 * as any stored model) and hands back the cluster's test metrics.
 *
 * <p>The job's output goes to {@code home/spark/<time>-<type>} with the job's log ({@code
 * job.log}); the folder is removed when the model is back and kept when the job failed.
 */
@Component
public class SparkJobs {

  private static final Logger log = LoggerFactory.getLogger(SparkJobs.class);
  private static final int DATA_PROBLEM = 3;
  private static final int LOG_LINES = 15;

  private final SparkProperties properties;
  private final ModelTypes types;
  private final Path home;

  SparkJobs(SparkProperties properties, ModelTypes types, DiamondsProperties diamonds) {
    this.properties = properties;
    this.types = types;
    this.home = diamonds.home();
  }

  /**
   * A model trained on Spark.
   *
   * @param model the model, loaded from the job's artifact
   * @param test its metrics on the job's test rows
   * @param coverage per interval level, the share of the test rows inside their interval
   * @param rows clean rows the job read
   * @param nTrain rows it trained on
   * @param nTest rows it tested on
   */
  public record Trained(
      TrainedModel model,
      Metrics test,
      Map<Double, Double> coverage,
      long rows,
      int nTrain,
      int nTest) {}

  /** Why runs on Spark cannot start from this process, or empty when they can. */
  public Optional<String> unavailable() {
    Optional<Path> dir = jobDir();
    if (dir.isEmpty()) {
      return Optional.of(
          "the Spark training job is not built: build it with `./mvnw -B -DskipTests package -pl"
              + " pricing-spark -am` (bin/diamonds does when --engine spark is given), or set"
              + " diamonds.spark.job-dir to the folder holding its job.args");
    }
    return Optional.empty();
  }

  /**
   * Trains one model type on Spark and returns it; progress goes to the listener as the driver
   * tunes.
   *
   * @throws SparkJobException when the job cannot start, fails or its result cannot be loaded
   * @throws InterruptedException when this thread is interrupted; the job is stopped
   */
  public Trained train(SparkRun run, String type, long seed, int trials, TrainingListener listener)
      throws SparkJobException, InterruptedException {
    Path args =
        jobDir()
            .orElseThrow(() -> new SparkJobException(unavailable().orElseThrow()))
            .resolve("job.args");
    Path out = outputFolder(type);
    Path jobLog = out.resolve("job.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(properties.jvmOptions());
    command.add("@" + args);
    command.addAll(
        List.of(
            "--master",
            run.master(),
            "--data",
            run.data(),
            "--out",
            out.toString(),
            "--model",
            type,
            "--trials",
            Integer.toString(trials),
            "--seed",
            Long.toString(seed),
            "--workers",
            Integer.toString(run.workers()),
            "--progress"));
    log.info("Spark job for {} on {}: {} (log {})", type, run.master(), run.data(), jobLog);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(jobLog.toFile()).start();
    } catch (IOException e) {
      throw new SparkJobException("the Spark job could not start: " + e.getMessage(), e);
    }
    Thread progress = progressReader(process, type, listener);
    int exit;
    try {
      exit = process.waitFor();
      progress.join();
    } catch (InterruptedException e) {
      stop(process);
      throw e;
    }
    if (exit != 0) {
      throw failed(exit, jobLog);
    }
    Trained trained = load(out, type);
    FileSystemUtils.deleteRecursively(out.toFile());
    return trained;
  }

  private Trained load(Path out, String type) throws SparkJobException {
    List<JobResult> results;
    try {
      results =
          Json.readList(
              Files.readString(out.resolve("result.json"), StandardCharsets.UTF_8),
              JobResult.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new SparkJobException("the Spark job's result.json cannot be read in " + out, e);
    }
    JobResult r =
        results.stream()
            .filter(x -> type.equals(x.type()))
            .findFirst()
            .orElseThrow(() -> new SparkJobException("the Spark job trained no " + type));
    try {
      byte[] artifact = Files.readAllBytes(out.resolve(r.artifact()));
      return new Trained(
          types.get(type).load(artifact), r.test(), r.coverage(), r.rows(), r.nTrain(), r.nTest());
    } catch (IOException | ModelLoadException e) {
      throw new SparkJobException(
          "the model the Spark job trained cannot be loaded: " + e.getMessage(), e);
    }
  }

  /** Reads the job's stdout on a thread of its own, forwarding its progress lines. */
  private static Thread progressReader(Process process, String type, TrainingListener listener) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  parseProgress(line).ifPresent(listener::onProgress);
                }
              } catch (IOException e) {
                log.debug("Stopped reading the Spark job's output for {}", type, e);
              }
            },
            "spark-job-" + type);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** A {@code progress PHASE TRIAL TRIALS BEST_MAE SECONDS} line, or empty for any other. */
  static Optional<TrainingProgress> parseProgress(String line) {
    String[] p = line.strip().split(" ");
    if (p.length != 6 || !p[0].equals("progress")) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new TrainingProgress(
              p[1],
              Integer.parseInt(p[2]),
              Integer.parseInt(p[3]),
              p[4].equals("-") ? Double.NaN : Double.parseDouble(p[4]),
              Double.parseDouble(p[5])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static SparkJobException failed(int exit, Path jobLog) {
    List<String> lines;
    try (Stream<String> all = Files.lines(jobLog, StandardCharsets.UTF_8)) {
      lines = all.toList();
    } catch (IOException | UncheckedIOException e) {
      lines = List.of();
    }
    if (exit == DATA_PROBLEM) {
      String problem =
          lines.stream()
              .filter(l -> l.startsWith("pricing-spark: "))
              .map(l -> l.substring("pricing-spark: ".length()))
              .findFirst()
              .orElse("see " + jobLog);
      return new SparkJobException("the Spark job refused the data: " + problem);
    }
    log.error(
        "Spark job failed (exit status {}); last lines of {}:\n{}",
        exit,
        jobLog,
        String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size())));
    return new SparkJobException(
        String.format(
            Locale.ROOT, "the Spark job failed with exit status %d; its log is %s", exit, jobLog));
  }

  private Path outputFolder(String type) throws SparkJobException {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
    Path out = home.resolve("spark").resolve(stamp + "-" + type);
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new SparkJobException("cannot create the Spark job's folder " + out, e);
    }
  }

  private Optional<Path> jobDir() {
    return Optional.ofNullable(properties.jobDir())
        .filter(d -> Files.isRegularFile(d.resolve("job.args")));
  }
}
