package com.diamondpricing.bench;

import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a CSV once and prints the time, the rows and the peak heap in use (summed over the heap
 * pools' peaks, an upper bound). Run it with {@code -Xmx200m} to prove the load fits in 200 MB.
 *
 * <p>Usage: {@code java -Xmx200m -cp bench/target/benchmarks.jar
 * com.diamondpricing.bench.LoadFootprint FILE.csv}
 */
public final class LoadFootprint {

  private LoadFootprint() {}

  public static void main(String[] args) throws Exception {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    LoadedDataset loaded = new DiamondCsvReader().read(Path.of(args[0]));
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long retained = rt.totalMemory() - rt.freeMemory();
    System.out.printf(
        Locale.ROOT,
        "loaded %,d rows (%,d kept) in %.2f s; heap pools' peaks summed %.1f MB (upper bound);"
            + " retained after GC %.1f MB; max heap %.0f MB%n",
        loaded.report().rowsRead(),
        loaded.dataset().size(),
        seconds,
        peak / 1e6,
        retained / 1e6,
        rt.maxMemory() / 1e6);
  }
}
