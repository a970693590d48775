package com.diamondpricing.server.cli;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.LoadedDataset;
import com.diamondpricing.model.ModelLoadException;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diamonds models predict ID --data FILE}: a stored model's prices for a CSV file. */
@Command(
    name = "predict",
    description = {
      "Price every usable row of a CSV file with a stored model (the file is cleaned as for"
          + " training; nothing is stored).",
      "Prints CSV (the features, price and predicted_price), or with --json one object with"
          + " the actual prices and the predictions in file order."
    })
final class PredictWithModelCommand extends RegistryCommand {

  @Parameters(paramLabel = "ID", description = "the model's id (see models list)")
  long id;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description = "CSV file with the columns carat,cut,color,clarity,depth,table,price,x,y,z")
  Path data;

  @Option(
      names = "--json",
      description = "print one JSON object: modelId, type, version, rows, prices, predictions")
  boolean json;

  /**
   * The {@code --json} document.
   *
   * @param modelId the model
   * @param type its type
   * @param version its version
   * @param rows the rows priced
   * @param prices their actual prices, in file order
   * @param predictions the model's prices, in file order
   */
  record Prices(
      long modelId, String type, int version, int rows, double[] prices, double[] predictions) {}

  @Override
  void check() {
    if (!Files.isRegularFile(data)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--data: no such file: " + data);
    }
  }

  @Override
  int run(ModelRegistry registry) throws Exception {
    ModelEntry e = registry.get(id);
    LoadedDataset loaded;
    try {
      loaded = new DiamondCsvReader().read(data);
    } catch (DatasetRejectedException ex) {
      err.print(ex.report().describe());
      return ModelsCommand.DATA_REJECTED;
    }
    Dataset rows = loaded.dataset();
    double[] predictions;
    try (TrainedModel model = load(e, registry.artifact(e.id()))) {
      predictions = model.predict(rows);
    }
    if (json) {
      out.println(
          CliJson.write(
              new Prices(e.id(), e.type(), e.version(), rows.size(), rows.prices(), predictions)));
      return 0;
    }
    err.print(loaded.report().describe());
    out.println("carat,cut,color,clarity,depth,table,x,y,z,price,predicted_price");
    for (int i = 0; i < rows.size(); i++) {
      out.printf(
          Locale.ROOT,
          "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
          plain(rows.carat(i)),
          rows.cut(i).label(),
          rows.color(i).label(),
          rows.clarity(i).label(),
          plain(rows.depth(i)),
          plain(rows.table(i)),
          plain(rows.x(i)),
          plain(rows.y(i)),
          plain(rows.z(i)),
          plain(rows.price(i)),
          plain(predictions[i]));
    }
    return 0;
  }

  private static TrainedModel load(ModelEntry e, byte[] artifact) throws ModelLoadException {
    return ModelTypes.discover().get(e.type()).load(artifact);
  }

  private static String plain(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
