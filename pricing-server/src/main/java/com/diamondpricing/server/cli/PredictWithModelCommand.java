package com.diamondpricing.server.cli;

import com.diamondpricing.data.Dataset;
import com.diamondpricing.data.DatasetRejectedException;
import com.diamondpricing.data.DiamondCsvReader;
import com.diamondpricing.data.Feature;
import com.diamondpricing.data.LoadedDataset;
import com.diamondpricing.interval.Calibration;
import com.diamondpricing.model.ModelType;
import com.diamondpricing.model.ModelTypes;
import com.diamondpricing.model.TrainedModel;
import com.diamondpricing.server.prediction.ExplanationView;
import com.diamondpricing.server.prediction.GroupedContribution;
import com.diamondpricing.server.prediction.ModelRef;
import com.diamondpricing.server.prediction.PriceAnswer;
import com.diamondpricing.server.prediction.PriceInterval;
import com.diamondpricing.server.prediction.PriceWarning;
import com.diamondpricing.server.prediction.PricedDiamond;
import com.diamondpricing.server.prediction.ServedModel;
import com.diamondpricing.server.prediction.TrainingProfile;
import com.diamondpricing.server.prediction.TrainingProfiles;
import com.diamondpricing.server.prediction.UnpriceableProblem;
import com.diamondpricing.server.registry.ModelEntry;
import com.diamondpricing.server.registry.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      "Prints CSV (the features, price, predicted_price, its 80% and 90% interval and the"
          + " warnings' codes; with --explain each feature's contribution in dollars and size's,"
          + " carat and x, y, z summed), or with"
          + " --json one object with the actual prices, the predictions and each row's answer in"
          + " file order."
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
      description =
          "print one JSON object: modelId, type, version, rows, prices, predictions, items")
  boolean json;

  @Option(
      names = "--explain",
      description =
          "explain each price: the model's baseline and each feature's contribution in dollars"
              + " (and factors for a model on log(price)), then contribution_size: carat and the"
              + " measurements x, y, z together; the JSON adds them grouped in words")
  boolean explain;

  /**
   * The {@code --json} document.
   *
   * @param modelId the model
   * @param type its type
   * @param version its version
   * @param rows the rows priced
   * @param prices their actual prices, in file order
   * @param predictions the model's prices, in file order
   * @param items each row's answer: price, intervals, warnings and, with --explain, why
   */
  record Prices(
      long modelId,
      String type,
      int version,
      int rows,
      double[] prices,
      double[] predictions,
      List<PricedDiamond> items) {}

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
    List<PricedDiamond> items = new ArrayList<>(rows.size());
    TrainingProfile profile = context.bean(TrainingProfiles.class).of(e).orElse(null);
    ModelType type = ModelTypes.discover().get(e.type());
    List<String> features = ServedModel.featuresOf(type, e.featureSet());
    try (TrainedModel model = type.load(registry.artifact(e.id()))) {
      predictions = model.predict(rows);
      for (int i = 0; i < rows.size(); i++) {
        try {
          items.add(
              PriceAnswer.answer(
                  e,
                  model,
                  features,
                  profile,
                  rows.diamond(i),
                  predictions[i],
                  explain,
                  List.of()));
        } catch (UnpriceableProblem refused) {
          items.add(
              new PricedDiamond(
                  Double.NaN,
                  List.of(),
                  List.of(new PriceWarning(refused.code(), refused.field(), refused.getMessage())),
                  null,
                  ModelRef.of(e),
                  features));
        }
      }
    }
    if (json) {
      out.println(
          CliJson.write(
              new Prices(
                  e.id(), e.type(), e.version(), rows.size(), rows.prices(), predictions, items)));
      return 0;
    }
    err.print(loaded.report().describe());
    out.println(
        "carat,cut,color,clarity,depth,table,x,y,z,price,predicted_price,lower_80,upper_80,"
            + "lower_90,upper_90,warnings"
            + (explain ? ",baseline," + String.join(",", contributionColumns()) : ""));
    for (int i = 0; i < rows.size(); i++) {
      out.printf(
          Locale.ROOT,
          "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%s%n",
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
          plain(predictions[i]),
          answerColumns(items.get(i)));
    }
    return 0;
  }

  private static List<String> contributionColumns() {
    List<String> columns = new ArrayList<>();
    for (Feature f : Feature.values()) {
      columns.add("contribution_" + f.column());
    }
    columns.add("contribution_size");
    return columns;
  }

  /** The intervals, the warnings' codes and, when explained, the baseline and contributions. */
  private String answerColumns(PricedDiamond p) {
    StringBuilder s = new StringBuilder();
    for (double level : Calibration.LEVELS) {
      PriceInterval interval =
          p.intervals().stream().filter(x -> x.level() == level).findFirst().orElse(null);
      s.append(',').append(interval == null ? "" : plain(interval.lower()));
      s.append(',').append(interval == null ? "" : plain(interval.upper()));
    }
    s.append(',');
    s.append(String.join(";", p.warnings().stream().map(PriceWarning::code).toList()));
    if (explain) {
      ExplanationView why = p.explanation();
      s.append(',').append(why == null ? "" : plain(why.baseline()));
      for (Feature f : Feature.values()) {
        Double c = why == null ? null : why.contributions().get(f.column());
        s.append(',').append(c == null ? "" : plain(c));
      }
      GroupedContribution size =
          why == null
              ? null
              : why.grouped().stream()
                  .filter(g -> g.group().equals("size"))
                  .findFirst()
                  .orElse(null);
      s.append(',').append(size == null ? "" : plain(size.contribution()));
    }
    return s.toString();
  }

  private static String plain(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
