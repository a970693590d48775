package com.diamondpricing.server.testfit;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The goodness-of-fit plot as the notebook's {@code plot_gof} draws it, rendered with JFreeChart:
 * each test row's predicted price against its actual price, and the identity line on which a
 * perfect model's points would lie.
 */
final class FitPlot {

  private static final Color POINT = new Color(11, 79, 138, 80);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);

  private FitPlot() {}

  /** The plot as a PNG image of the given size in pixels. */
  static byte[] png(TestFit fit, int width, int height) {
    XYSeries points = new XYSeries("test rows", false, true);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int row = 0; row < fit.size(); row++) {
      double actual = fit.actual(row);
      double predicted = fit.predicted(row);
      points.add(actual, predicted, false);
      lo = Math.min(lo, Math.min(actual, predicted));
      hi = Math.max(hi, Math.max(actual, predicted));
    }
    XYSeries identity = new XYSeries("identity: predicted = actual", false, true);
    if (fit.size() > 0) {
      identity.add(lo, lo, false);
      identity.add(hi, hi, false);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(points);
    data.addSeries(identity);

    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    renderer.setSeriesLinesVisible(0, false);
    renderer.setSeriesShapesVisible(0, true);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-2, -2, 4, 4));
    renderer.setSeriesPaint(0, POINT);
    renderer.setSeriesLinesVisible(1, true);
    renderer.setSeriesShapesVisible(1, false);
    renderer.setSeriesPaint(1, Color.BLACK);
    renderer.setSeriesStroke(1, new BasicStroke(3f));

    NumberAxis x = new NumberAxis("actual price ($)");
    NumberAxis y = new NumberAxis("predicted price ($)");
    x.setAutoRangeIncludesZero(false);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);

    JFreeChart chart =
        new JFreeChart(
            fit.type() + " v" + fit.version() + ": predicted against actual price",
            new Font(Font.SANS_SERIF, Font.BOLD, 18),
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.addSubtitle(
        new TextTitle(
            String.format(
                Locale.ROOT,
                "model %d, %,d test rows: MAE %.2f, R2 %.4f",
                fit.modelId(),
                fit.size(),
                fit.metrics().mae(),
                fit.metrics().r2())));
    BufferedImage image =
        chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("the PNG encoder failed on an in-memory image", e);
    }
    return out.toByteArray();
  }
}
