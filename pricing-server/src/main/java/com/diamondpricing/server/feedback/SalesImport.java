package com.diamondpricing.server.feedback;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A sales file imported ({@code diamonds sales import FILE}): read whole and checked (any bad field
 * rejects the file, each reported with its line and column), then recorded as the API records
 * sales: idempotently, all or none.
 */
@Component
public class SalesImport {

  private final SaleStore store;
  private final Clock clock;

  SalesImport(SaleStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * What an import did.
   *
   * @param rows sales in the file
   * @param recorded new sales recorded
   * @param duplicates sales recorded before (unchanged)
   * @param attributed sales of stones priced here (attributed to a model)
   * @param outcomes each row's outcome, in order
   */
  public record Result(
      int rows, int recorded, int duplicates, int attributed, List<SaleOutcome> outcomes) {}

  /** The file was rejected: nothing was recorded. */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    Rejected(List<String> problems) {
      super(problems.get(0));
      this.problems = List.copyOf(problems);
    }

    /** Each bad field, with its line and column. */
    public List<String> problems() {
      return problems;
    }
  }

  /**
   * Reads and records a sales file.
   *
   * @throws Rejected when a field is bad; nothing is recorded
   * @throws com.diamondpricing.server.problem.Problem when a prediction id is unknown or a sale
   *     conflicts with one recorded before; nothing is recorded
   */
  public Result importCsv(InputStream in, String source) throws Rejected {
    List<NewSale> sales;
    try {
      sales = SalesCsv.read(in, clock);
    } catch (SalesCsv.Rejected e) {
      throw new Rejected(e.problems().stream().map(SalesCsv.Problem::describe).toList());
    }
    List<SaleOutcome> outcomes = store.record(sales, source, null);
    int recorded =
        (int) outcomes.stream().filter(o -> o.status().equals(SaleOutcome.RECORDED)).count();
    int attributed = (int) outcomes.stream().filter(o -> o.modelId() != null).count();
    return new Result(outcomes.size(), recorded, outcomes.size() - recorded, attributed, outcomes);
  }
}
