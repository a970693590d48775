package com.diamondpricing.server.page;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Grade;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.server.registry.ModelChoice;
import com.diamondpricing.server.system.DiamondsProperties;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The web pages, rendered on the server (Thymeleaf) with a small script each that calls the same
 * API as any client, so their requests are logged like any others. Nothing is fetched from the
 * internet: styles and scripts ship with the server.
 */
@Controller
class PageController {

  /** The Chart.js webjar's version (the pom's {@code chartjs.version}). */
  static final String CHART_JS = "4.5.1";

  static final String CHART_JS_PATH = "/webjars/chart.js/" + CHART_JS + "/dist/chart.umd.min.js";

  private final List<String> modelTypes;
  private final int defaultTrials;

  PageController(ModelTypes types, DiamondsProperties properties) {
    this.modelTypes = List.copyOf(types.names());
    this.defaultTrials = properties.training().trials();
  }

  /**
   * A number field of the form: its id (the API's field name), label and default. A text field the
   * page reads itself (a decimal comma is a point), since a browser's number field reads "1,5" as
   * 15.
   */
  record NumberField(String id, String label, String value) {}

  /** A grade field of the form: its id, label, the grade's labels and the default one. */
  record GradeField(String id, String label, List<String> options, String selected) {}

  /** {@code /}: price a diamond, see its range, why, and the similar training diamonds. */
  @GetMapping("/")
  String price(Model model) {
    model.addAttribute("weights", List.of(new NumberField("carat", "Carat", "1.1")));
    model.addAttribute(
        "grades",
        List.of(
            new GradeField("cut", "Cut", labels(Cut.values()), "Ideal"),
            new GradeField("color", "Colour", labels(Color.values()), "H"),
            new GradeField("clarity", "Clarity", labels(Clarity.values()), "SI2")));
    model.addAttribute(
        "measurements",
        List.of(
            new NumberField("depth", "Depth %", "62.0"),
            new NumberField("table", "Table %", "55.0"),
            new NumberField("x", "Length x (mm)", "6.61"),
            new NumberField("y", "Width y (mm)", "6.65"),
            new NumberField("z", "Depth z (mm)", "4.11")));
    return "price";
  }

  /** {@code /models}: the registry, test MAE over versions, promotion and rollback. */
  @GetMapping("/models")
  String models(Model model) {
    model.addAttribute("chartJs", CHART_JS_PATH);
    return "models";
  }

  /** {@code /models/{id}}: one model's metrics, fit, residuals, tuning trials and parameters. */
  @GetMapping("/models/{id:\\d+}")
  String model(@PathVariable("id") long id, Model model) {
    model.addAttribute("modelId", id);
    model.addAttribute("chartJs", CHART_JS_PATH);
    return "model";
  }

  /**
   * {@code /models/{id}/promote}: the model and its champion on the same rows, then a promotion
   * with a reason and a confirmation (the key is asked for each time).
   */
  @GetMapping("/models/{id:\\d+}/promote")
  String promote(@PathVariable("id") long id, Model model) {
    model.addAttribute("modelId", id);
    model.addAttribute("chartJs", CHART_JS_PATH);
    return "promote";
  }

  /** {@code /runs}: the training runs with live progress, and a CSV upload that starts one. */
  @GetMapping("/runs")
  String runs(Model model) {
    model.addAttribute("modelTypes", modelTypes);
    model.addAttribute("defaultTrials", defaultTrials);
    model.addAttribute("maxTrials", ModelChoice.MAX_TRIALS);
    return "runs";
  }

  /** {@code /monitoring}: live accuracy over time per model, and drift. */
  @GetMapping("/monitoring")
  String monitoring(Model model) {
    model.addAttribute("chartJs", CHART_JS_PATH);
    return "monitoring";
  }

  /** {@code /requests}: the request log (its data needs the admin token). */
  @GetMapping("/requests")
  String requests() {
    return "requests";
  }

  /** {@code /sales}: quotes and sales, corrections and voids (its data needs a sales key). */
  @GetMapping("/sales")
  String sales() {
    return "sales";
  }

  /** {@code /keys}: the API keys (its data needs the admin role). */
  @GetMapping("/keys")
  String keys() {
    return "keys";
  }

  private static List<String> labels(Grade[] levels) {
    return Arrays.stream(levels).map(Grade::label).toList();
  }
}
