package com.diamondpricing.bench;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DiamondCsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a large diamonds CSV by resampling a source file's clean rows with small noise (each
 * measurement and the price scaled by a factor within +-2%), seeded, so benchmarks can load and
 * train on a realistic million rows.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar com.diamondpricing.bench.GenerateDiamonds
 * SOURCE.csv ROWS OUT.csv [SEED]}
 */
public final class GenerateDiamonds {

  private GenerateDiamonds() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: GenerateDiamonds SOURCE.csv ROWS OUT.csv [SEED]");
      System.exit(2);
    }
    Path source = Path.of(args[0]);
    int rows = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
    write(new DiamondCsvReader().read(source).dataset(), rows, out, seed);
    System.out.printf(
        Locale.ROOT, "wrote %,d rows to %s (%,d bytes)%n", rows, out, Files.size(out));
  }

  /** Writes {@code rows} resampled rows of {@code source} to {@code out}. */
  public static void write(Dataset source, int rows, Path out, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("carat,cut,color,clarity,depth,table,price,x,y,z\n");
      StringBuilder line = new StringBuilder(96);
      for (int i = 0; i < rows; i++) {
        int r = random.nextInt(source.size());
        line.setLength(0);
        line.append(round(source.carat(r) * noise(random), 2)).append(',');
        line.append(source.cut(r).label()).append(',');
        line.append(source.color(r).label()).append(',');
        line.append(source.clarity(r).label()).append(',');
        line.append(round(source.depth(r) * noise(random), 1)).append(',');
        line.append(round(source.table(r) * noise(random), 1)).append(',');
        line.append(Math.max(1, Math.round(source.price(r) * noise(random)))).append(',');
        line.append(round(source.x(r) * noise(random), 2)).append(',');
        line.append(round(source.y(r) * noise(random), 2)).append(',');
        line.append(round(source.z(r) * noise(random), 2)).append('\n');
        w.append(line);
      }
    }
  }

  private static double noise(SplittableRandom random) {
    return 1 + (random.nextDouble() - 0.5) * 0.04;
  }

  private static double round(double v, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.max(Math.round(v * f) / f, 1 / f);
  }
}
