package com.diamondpricing.server.cli;

import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diamonds models export ID FILE}: a model's stored artifact, written to a file. */
@Command(
    name = "export",
    description =
        "Write a model's stored artifact to a file (XGBoost's own JSON for xgboost, readable by"
            + " XGBoost 1.7 and later; JSON coefficients for linear).")
final class ExportModelCommand extends RegistryCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "the model's id (see models list)")
  long id;

  @Parameters(index = "1", paramLabel = "FILE", description = "where to write it (replaced)")
  Path file;

  @Override
  int run(ModelRegistry registry) throws IOException {
    ModelEntry e = registry.get(id);
    byte[] bytes = registry.artifact(e.id());
    Path target = file.toAbsolutePath().normalize();
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    Files.write(target, bytes);
    out.printf(
        Locale.ROOT,
        "Wrote model %d (%s v%d, %s, %,d bytes) to %s%n",
        e.id(),
        e.type(),
        e.version(),
        e.artifactMediaType(),
        bytes.length,
        target);
    return 0;
  }
}
