package com.diamondpricing.server.cli;

import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints training progress as plain lines: one per finished trial, and one for the final fit. */
final class ProgressLines implements TrainingListener {

  private final PrintWriter out;

  ProgressLines(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onProgress(TrainingProgress p) {
    if (p.phase().equals("tuning")) {
      out.printf(
          Locale.ROOT,
          "  trial %d/%d  best validation MAE %.2f  elapsed %.1f s%n",
          p.trial(),
          p.trials(),
          p.bestValidationMae(),
          p.elapsedSeconds());
      out.flush();
    } else if (p.trials() > 0) {
      out.printf(
          Locale.ROOT,
          "  refitting the best of %d trials on all training rows (elapsed %.1f s)%n",
          p.trial(),
          p.elapsedSeconds());
      out.flush();
    }
  }
}
