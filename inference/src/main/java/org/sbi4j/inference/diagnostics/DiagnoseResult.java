package org.sbi4j.inference.diagnostics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code sbi4j diagnose} produces.
 *
 * @param parameters the parameter names
 * @param theta1 θ1
 * @param grid the θ0 points (g × p)
 * @param events the number of test events the estimates use
 * @param models one entry per model, in the request's order
 * @param plotFiles the PNG and SVG files written, empty when none
 */
public record DiagnoseResult(
    List<String> parameters,
    double[] theta1,
    double[][] grid,
    int events,
    List<ModelDiagnostics> models,
    List<String> plotFiles) {
  public DiagnoseResult {
    parameters = List.copyOf(parameters);
    theta1 = theta1.clone();
    models = List.copyOf(models);
    plotFiles = List.copyOf(plotFiles);
  }

  @Override
  public double[] theta1() {
    return theta1.clone();
  }

  /** One warning per model whose closure fails somewhere on the grid. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (ModelDiagnostics m : models) {
      int n = m.flagged().size();
      if (n > 0) {
        out.add(
            m.label()
                + ": the ratio closure fails by more than 3 standard errors at "
                + n
                + " of "
                + m.closure().size()
                + " θ0 points; r̂ is not a normalised density ratio there");
      }
    }
    return out;
  }

  /**
   * The JSON of docs/cli.md: {@code parameters}, {@code theta1}, {@code grid}, {@code events}, the
   * first model's keys at the top level, every model under {@code models}, {@code warnings} and
   * {@code plots}.
   */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("parameters", parameters);
    out.put("theta1", theta1.clone());
    out.put("grid", grid);
    out.put("events", events);
    out.putAll(models.get(0).summary());
    out.put("models", models.stream().map(ModelDiagnostics::summary).toList());
    out.put("warnings", warnings());
    out.put("plots", plotFiles);
    return out;
  }
}
