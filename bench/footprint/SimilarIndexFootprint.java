import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.server.similar.SimilarDiamondsIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The heap the similar-diamonds index holds for a CSV's rows: the rows as the server keeps them
 * (pricing-ml's columnar Dataset) and the index over them, each measured as the used heap after a
 * full GC with and without it. Run by bench/similar_index_footprint.sh.
 */
public final class SimilarIndexFootprint {

  public static void main(String[] args) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long empty = used(memory);
    Dataset rows = new DiamondCsvReader().read(Path.of(args[0])).dataset();
    long withRows = used(memory);
    long start = System.nanoTime();
    SimilarDiamondsIndex index = SimilarDiamondsIndex.of(rows);
    double seconds = (System.nanoTime() - start) / 1e9;
    long withIndex = used(memory);
    int n = rows.size();
    // asking the index after the measurement keeps it (and the rows) reachable until then
    int found = index.nearest(1.0, Cut.IDEAL, Color.G, Clarity.VS2, 5).length;
    System.out.printf(
        Locale.ROOT,
        "%,d rows: rows %.1f MB (%.1f bytes a row), index %.1f MB (%.1f bytes a row), built in"
            + " %.2f s (%d found for 1.0 Ideal G VS2)%n",
        n,
        (withRows - empty) / 1e6,
        (double) (withRows - empty) / n,
        (withIndex - withRows) / 1e6,
        (double) (withIndex - withRows) / n,
        seconds,
        found);
  }

  private static long used(MemoryMXBean memory) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
