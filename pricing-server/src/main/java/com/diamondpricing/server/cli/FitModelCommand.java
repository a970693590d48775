package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.ModelRegistry;
import com.diamondpricing.server.testfit.FitView;
import com.diamondpricing.server.testfit.TestFits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diamonds models fit ID}: how well a model fits its test rows, the same as {@code GET
 * /api/v1/models/{id}/fit}, and with {@code --png} its goodness-of-fit plot as {@code GET
 * /api/v1/models/{id}/plots/fit.png} draws it.
 */
@Command(
    name = "fit",
    description =
        "How well a model fits its own test rows: MAE and R2 over every test row, and the notebook's"
            + " goodness-of-fit plot (predicted against actual, with the identity line) as a PNG"
            + " file with --png.")
final class FitModelCommand extends RegistryCommand {

  @Parameters(paramLabel = "ID", description = "the model's id (see models list)")
  long id;

  @Option(names = "--png", paramLabel = "FILE", description = "write the plot to FILE (replaced)")
  Path png;

  @Option(
      names = "--size",
      paramLabel = "PIXELS",
      defaultValue = "" + TestFits.DEFAULT_SIZE,
      description = "the plot's width and height, 200 to 2000 (default: ${DEFAULT-VALUE})")
  int size;

  @Option(
      names = "--points",
      paramLabel = "N",
      defaultValue = "" + TestFits.DEFAULT_POINTS,
      description =
          "test rows listed with --json, spread evenly over them, 1 to 20000 (default:"
              + " ${DEFAULT-VALUE})")
  int points;

  @Option(
      names = "--json",
      description =
          "print one JSON object: modelId, type, version, testRows, shown, mae, r2, points"
              + " (actual, predicted), links")
  boolean json;

  @Override
  void check() {
    if (size < TestFits.MIN_SIZE || size > TestFits.MAX_SIZE) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--size must be between "
              + TestFits.MIN_SIZE
              + " and "
              + TestFits.MAX_SIZE
              + ", not "
              + size);
    }
    if (points < 1 || points > TestFits.MAX_POINTS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--points must be between 1 and " + TestFits.MAX_POINTS + ", not " + points);
    }
  }

  @Override
  int run(ModelRegistry registry) throws Exception {
    registry.get(id); // an unknown id is exit 2 before anything is loaded
    TestFits fits = context.bean(TestFits.class);
    FitView fit = fits.view(id, points);
    if (png != null) {
      TestFits.FitPng image = fits.png(id, size, size);
      Path target = png.toAbsolutePath().normalize();
      if (target.getParent() != null) {
        Files.createDirectories(target.getParent());
      }
      Files.write(target, image.bytes());
      (json ? err : out)
          .printf(Locale.ROOT, "Wrote the plot (%,d bytes) to %s%n", image.bytes().length, target);
    }
    if (json) {
      out.println(CliJson.write(fit));
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "Model %d: %s v%d on its %,d test rows: MAE %.2f, R2 %.4f%n",
        fit.modelId(),
        fit.type(),
        fit.version(),
        fit.testRows(),
        fit.mae(),
        fit.r2());
    return 0;
  }
}
