package com.diamondpricing.interval;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.Diamond;
import com.diamondpricing.data.Grade;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A group of stones whose prices a range must cover as well as it covers stones overall: each cut,
 * each colour, each clarity, each carat band, and the stones with few comparables (fewer than
 * {@value Comparables#FEW} training stones of the same grades within {@value
 * Comparables#WINDOW_PERCENT}% of the carat). A range can cover 90% of all stones and half of the
 * I1 ones; calibrating per segment is what stops that.
 *
 * @param kind what the segment groups by
 * @param level the level: a grade's label, a carat band ({@link #CARAT_BANDS}) or {@value #FEW}
 */
public record Segment(Kind kind, String level) {

  /** What a segment groups by. */
  public enum Kind {
    CUT("cut"),
    COLOR("color"),
    CLARITY("clarity"),
    CARAT("carat"),
    COMPARABLES("comparables");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The kind named so. */
    public static Kind of(String label) {
      for (Kind k : values()) {
        if (k.label.equals(label)) {
          return k;
        }
      }
      throw new IllegalArgumentException("no segment kind " + label);
    }
  }

  /** The carat bands, lightest first: below 0.5, 0.5 to 1, 1 to 1.5, 1.5 to 2, 2 and above. */
  public static final List<String> CARAT_BANDS = List.of("<0.5", "0.5-1", "1-1.5", "1.5-2", ">=2");

  private static final double[] CARAT_EDGES = {0.5, 1.0, 1.5, 2.0};

  static final String FEW = "few";

  /** The stones with few comparables. */
  public static final Segment FEW_COMPARABLES = new Segment(Kind.COMPARABLES, FEW);

  /** The band of a carat, as an index into {@link #CARAT_BANDS}. */
  public static int caratBand(double carat) {
    int band = 0;
    while (band < CARAT_EDGES.length && carat >= CARAT_EDGES[band]) {
      band++;
    }
    return band;
  }

  /** The segments of a stone's four Cs: its cut, colour, clarity and carat band. */
  public static List<Segment> of(Diamond d) {
    return of(d.cut(), d.color(), d.clarity(), d.carat());
  }

  /** The segments of a row's four Cs. */
  public static List<Segment> of(Dataset rows, int row) {
    return of(rows.cut(row), rows.color(row), rows.clarity(row), rows.carat(row));
  }

  private static List<Segment> of(Cut cut, Color color, Clarity clarity, double carat) {
    return List.of(
        new Segment(Kind.CUT, cut.label()),
        new Segment(Kind.COLOR, color.label()),
        new Segment(Kind.CLARITY, clarity.label()),
        new Segment(Kind.CARAT, CARAT_BANDS.get(caratBand(carat))));
  }

  /** Every segment, in the order reports list them: grades in the trade's order, best last. */
  public static List<Segment> all() {
    List<Segment> all = new ArrayList<>();
    addByRank(all, Kind.CUT, Cut.values());
    addByRank(all, Kind.COLOR, Color.values());
    addByRank(all, Kind.CLARITY, Clarity.values());
    for (String band : CARAT_BANDS) {
      all.add(new Segment(Kind.CARAT, band));
    }
    all.add(FEW_COMPARABLES);
    return List.copyOf(all);
  }

  private static void addByRank(List<Segment> out, Kind kind, Grade[] levels) {
    Grade[] sorted = levels.clone();
    java.util.Arrays.sort(sorted, java.util.Comparator.comparingInt(Grade::rank));
    for (Grade g : sorted) {
      out.add(new Segment(kind, g.label()));
    }
  }

  /** The segment a key ({@link #key()}) names. */
  public static Segment ofKey(String key) {
    int eq = key.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("not a segment: " + key);
    }
    return new Segment(Kind.of(key.substring(0, eq)), key.substring(eq + 1));
  }

  /** {@code kind=level}, e.g. {@code clarity=I1}: how JSON keys a segment. */
  public String key() {
    return kind.label() + "=" + level;
  }

  /** How a person reads it, e.g. "clarity I1", "carat 1.5-2", "few comparables". */
  public String describe() {
    return kind == Kind.COMPARABLES
        ? "few comparables"
        : String.format(Locale.ROOT, "%s %s", kind.label(), level);
  }
}
