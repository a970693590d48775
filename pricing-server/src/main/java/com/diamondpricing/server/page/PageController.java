package com.diamondpricing.server.page;

import com.diamondpricing.data.Clarity;
import com.diamondpricing.data.Color;
import com.diamondpricing.data.Cut;
import com.diamondpricing.data.Grade;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web pages, rendered on the server (Thymeleaf) with a small script each that calls the same
 * API as any client, so their requests are logged like any others. Nothing is fetched from the
 * internet: styles and scripts ship with the server.
 */
@Controller
class PageController {

  /** The Chart.js webjar's version (the pom's {@code chartjs.version}). */
  static final String CHART_JS = "4.5.1";

  /** {@code /}: price a diamond, see its range, why, and the similar training diamonds. */
  @GetMapping("/")
  String price(Model model) {
    model.addAttribute("cuts", labels(Cut.values()));
    model.addAttribute("colors", labels(Color.values()));
    model.addAttribute("clarities", labels(Clarity.values()));
    return "price";
  }

  /** {@code /models}: the registry, test MAE over versions, promotion and rollback. */
  @GetMapping("/models")
  String models(Model model) {
    model.addAttribute("chartJs", "/webjars/chart.js/" + CHART_JS + "/dist/chart.umd.min.js");
    return "models";
  }

  private static List<String> labels(Grade[] levels) {
    return Arrays.stream(levels).map(Grade::label).toList();
  }
}
