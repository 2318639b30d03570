package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sbi4j.inference.diagnostics.DiagnoseAnalysis;
import org.sbi4j.inference.diagnostics.DiagnoseRequest;
import org.sbi4j.inference.diagnostics.DiagnoseResult;
import org.sbi4j.inference.diagnostics.ModelDiagnostics;
import org.sbi4j.inference.limits.ParameterGrid;
import org.sbi4j.samples.simulators.Simulators;
import org.sbi4j.training.store.ModelFolder;

/**
 * The ALICES model's ratio closure, AUC and reliability against θ1 = 0 on the test partition of the
 * quickstart's events (docs/math.md §10), beside the exact ratio's AUC; the closure plot goes into
 * the report. Skipped when no earlier stage trained ALICES.
 */
final class DiagnoseStage implements Stage {
  /** The θ0 grid: the range the ALICES model was trained on. */
  static final String GRID = "-1:1:9";

  @Override
  public String name() {
    return "diagnose: closure and AUC of the ALICES model";
  }

  @Override
  public void run(QuickstartContext context) {
    if (!context.has("modelAlices")) {
      return;
    }
    Path model = context.get("modelAlices");
    Path plot = context.out().resolve("diagnose");
    DiagnoseResult r =
        DiagnoseAnalysis.run(
            new DiagnoseRequest(
                context.get("events"),
                List.of(new DiagnoseRequest.Model("ALICES", ModelFolder.load(model).ratioModel())),
                new double[] {0},
                ParameterGrid.parse(GRID),
                Simulators.INTERFERENCE_1D.create(),
                false,
                plot,
                context.seed(9)));
    ModelDiagnostics m = r.models().get(0);
    int far = 0;
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("flagged", m.flagged().size());
    summary.put("maxClosureError", m.maxClosureError());
    summary.put("auc", m.auc()[far]);
    summary.put("aucExact", m.aucExact()[far]);
    context.summary("diagnose", summary);
    context.section(
        "Diagnostics",
        String.format(
            Locale.ROOT,
            "Ratio closure of ALICES against θ1 = 0 on %d test events: E_θ1[r̂] and E_θ0[1/r̂] "
                + "should be 1 at every θ0 of %s; it fails by more than 3 standard errors at %d of "
                + "%d points (largest |mean − 1| = %.4f). At θ0 = −1 the AUC of r̂ separating θ0 from "
                + "θ1 is %.4f (exact ratio: %.4f). Plots `diagnose-closure.png`, `diagnose-roc.png`, "
                + "`diagnose-reliability.png`.",
            r.events(),
            GRID,
            m.flagged().size(),
            m.closure().size(),
            m.maxClosureError(),
            m.auc()[far],
            m.aucExact()[far]));
    context.report("![ALICES ratio closure](diagnose-closure.png)");
    context.report("");
  }
}
