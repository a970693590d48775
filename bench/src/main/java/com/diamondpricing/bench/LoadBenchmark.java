package com.diamondpricing.bench;

import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and cleaning a CSV of {@code rows} resampled diamonds into the columnar dataset, in a JVM
 * capped at 200 MB of heap (so the run itself proves the footprint). The file is generated once
 * under {@code bench/out/}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx200m"})
public class LoadBenchmark {

  @Param({"1000000"})
  int rows;

  Path file;

  @Setup(Level.Trial)
  public void generate() throws Exception {
    file = Path.of("bench/out/diamonds-" + rows + ".csv");
    if (!Files.isRegularFile(file)) {
      GenerateDiamonds.write(
          new DiamondCsvReader().read(Path.of("data/diamonds.csv")).dataset(), rows, file, 42);
    }
  }

  @Benchmark
  public LoadedDataset load() throws Exception {
    return new DiamondCsvReader().read(file);
  }
}
