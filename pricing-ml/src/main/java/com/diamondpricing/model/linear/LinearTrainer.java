package com.diamondpricing.model.linear;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.TrainTestSplit;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.LibraryVersions;
import com.diamondpricing.model.Provenance;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.model.Trainer;
import com.diamondpricing.model.TrainingException;
import com.diamondpricing.model.TrainingListener;
import com.diamondpricing.model.TrainingOptions;
import com.diamondpricing.model.TrainingProgress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Fits the linear model by QR least squares. Deterministic: the seed plays no part.
 *
 * <p>The prediction intervals are calibrated first: a fit on the inner 80% of the training rows
 * (scikit-learn's split, seed 42, as the XGBoost trials use) scores the other 20%; then the model
 * is fitted on every training row and keeps that calibration.
 */
final class LinearTrainer implements Trainer {

  private final TrainingOptions options;

  LinearTrainer(TrainingOptions options) {
    this.options = options;
  }

  /** A least-squares solution: intercept, coefficients and the design columns' means. */
  private record Fit(double intercept, double[] coefficients, double[] means) {}

  @Override
  public TrainedModel fit(Dataset train) throws TrainingException {
    int p = LinearDesign.COLUMNS.size() + 1;
    if (train.size() < p) {
      throw new TrainingException(
          "the linear model needs at least " + p + " training rows, got " + train.size());
    }
    TrainingListener listener = options.listener();
    long start = System.nanoTime();
    listener.onProgress(new TrainingProgress("fitting", 0, 0, Double.NaN, 0));
    Fit fit = solve(train);
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", "log(price)");
    parameters.put("solver", "QR least squares");
    parameters.put("features", LinearDesign.COLUMNS);
    Provenance provenance =
        new Provenance(
                LinearModelType.NAME,
                train.contentHash(),
                train.size(),
                options.seed(),
                parameters,
                LibraryVersions.of("org.hipparchus:hipparchus-core"),
                Instant.now(),
                seconds,
                null,
                List.of())
            .withCalibration(calibrate(train));
    return new LinearModel(fit.intercept(), fit.coefficients(), fit.means(), provenance);
  }

  /** The intervals of a fit on the inner 80%, scored on the inner 20%; null when too few rows. */
  private static Calibration calibrate(Dataset train) {
    TrainTestSplit inner = TrainTestSplit.notebook(train.size());
    Dataset fitRows = train.rows(inner.train());
    Dataset held = train.rows(inner.test());
    if (held.size() < 20 || fitRows.size() < LinearDesign.COLUMNS.size() + 1) {
      return null;
    }
    try {
      Fit fit = solve(fitRows);
      LinearModel model = new LinearModel(fit.intercept(), fit.coefficients(), null, null);
      return Calibration.of(held.prices(), model.predict(held));
    } catch (TrainingException | IllegalArgumentException e) {
      return null; // a grade level absent from the inner rows: no intervals
    }
  }

  private static Fit solve(Dataset rows) throws TrainingException {
    int n = rows.size();
    int p = LinearDesign.COLUMNS.size() + 1;
    double[][] design = new double[n][p];
    double[] target = new double[n];
    double[] row = new double[p - 1];
    double[] means = new double[p - 1];
    for (int i = 0; i < n; i++) {
      LinearDesign.fill(rows.carat(i), rows.cut(i), rows.color(i), rows.clarity(i), rows.x(i), row);
      design[i][0] = 1;
      System.arraycopy(row, 0, design[i], 1, p - 1);
      target[i] = Math.log(rows.price(i));
      for (int c = 0; c < row.length; c++) {
        means[c] += row[c];
      }
    }
    for (int c = 0; c < means.length; c++) {
      means[c] /= n;
    }
    RealVector solution;
    try {
      solution =
          new QRDecomposition(new Array2DRowRealMatrix(design, false))
              .getSolver()
              .solve(new ArrayRealVector(target, false));
    } catch (MathRuntimeException e) {
      throw new TrainingException(
          "the training data do not determine the linear model (a grade level may be absent or"
              + " columns collinear): "
              + e.getMessage(),
          e);
    }
    double[] all = solution.toArray();
    double[] coefficients = new double[p - 1];
    System.arraycopy(all, 1, coefficients, 0, p - 1);
    return new Fit(all[0], coefficients, means);
  }
}
