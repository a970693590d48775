package com.diamondpricing.server.cli;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a training run's progress, model by model: on a terminal one progress bar over the trials
 * of each type that tunes (with the best validation MAE so far), elsewhere plain lines such as
 * {@code model 2/2 xgboost: trial 10/100, best validation MAE 310.5, 4.2 s}.
 *
 * <p>The pipeline's progress does not name the model, so the model changes when an event follows a
 * {@code fitting} event (every type ends with one, a type that tunes starts with trials).
 */
final class RunProgress implements TrainingListener, AutoCloseable {

  private final List<String> types;
  private final PrintWriter lines;
  private final boolean bars;
  private int index;
  private String lastPhase;
  private ProgressBar bar;

  /**
   * @param types the run's model types, in training order
   * @param lines where plain lines go
   * @param bars whether to draw progress bars (on stderr) for tuning instead of lines
   */
  RunProgress(List<String> types, PrintWriter lines, boolean bars) {
    this.types = List.copyOf(types);
    this.lines = lines;
    this.bars = bars;
  }

  /** Whether stdout and stdin are a terminal, so a progress bar can redraw itself. */
  static boolean onTerminal() {
    return System.console() != null;
  }

  @Override
  public synchronized void onProgress(TrainingProgress p) {
    if (lastPhase == null || lastPhase.equals("fitting")) {
      closeBar();
      index++;
    }
    lastPhase = p.phase();
    String model = model();
    if (p.phase().equals("tuning")) {
      if (bars) {
        if (bar == null) {
          bar =
              new ProgressBarBuilder()
                  .setTaskName(shortModel())
                  .setInitialMax(p.trials())
                  .setStyle(ProgressBarStyle.ASCII)
                  .setUpdateIntervalMillis(250)
                  .build();
        }
        bar.maxHint(p.trials());
        bar.stepTo(p.trial());
        bar.setExtraMessage("best MAE " + mae(p.bestValidationMae()));
      } else {
        lines.printf(
            Locale.ROOT,
            "%s: trial %d/%d, best validation MAE %s, %.1f s%n",
            model,
            p.trial(),
            p.trials(),
            mae(p.bestValidationMae()),
            p.elapsedSeconds());
        lines.flush();
      }
    } else if (p.phase().equals("fitting")) {
      closeBar();
      if (p.trials() > 0) {
        lines.printf(
            Locale.ROOT,
            "%s: refitting the best of %d trials (validation MAE %s) on all training rows, %.1f"
                + " s%n",
            model,
            p.trial(),
            mae(p.bestValidationMae()),
            p.elapsedSeconds());
      } else {
        lines.printf(Locale.ROOT, "%s: fitting%n", model);
      }
      lines.flush();
    }
  }

  private String model() {
    String type = index <= types.size() ? types.get(index - 1) : "?";
    return String.format(Locale.ROOT, "model %d/%d %s", index, types.size(), type);
  }

  /** The bar's label, short enough to leave the bar room on an 80-column terminal. */
  private String shortModel() {
    String type = index <= types.size() ? types.get(index - 1) : "?";
    return types.size() == 1
        ? type
        : String.format(Locale.ROOT, "%d/%d %s", index, types.size(), type);
  }

  private static String mae(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  @Override
  public synchronized void close() {
    closeBar();
  }
}
