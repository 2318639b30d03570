package org.sbi4j.inference.limits;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Check;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.fisher.FisherKind;

/**
 * Everything {@code sbi4j limits} asks for.
 *
 * @param events the weighted event file (setup, weights; its test partition gives the Asimov data)
 * @param sources one or more methods (ratio models, histogram baselines)
 * @param thetaTrue θ_true for expected limits, or null
 * @param observed a data file for observed limits, or null (at least one of the two is needed)
 * @param luminosity L in pb⁻¹
 * @param grid the scan grid
 * @param fisher a Fisher kind whose Cramér–Rao expectation is drawn on the plot, or null
 * @param plot prefix of the PNG and SVG plot, or null for no plot
 * @param workspaces pyhf JSON workspaces whose channels join every method's likelihood
 *     (docs/math.md §6.9); empty for none
 * @param workspaceMap workspace parameter name → θ name, for workspace parameters named otherwise
 *     than the θ component they stand for (e.g. mu → theta); empty for none
 */
public record LimitsRequest(
    Path events,
    List<LimitSource> sources,
    double[] thetaTrue,
    Path observed,
    double luminosity,
    ParameterGrid grid,
    FisherKind fisher,
    Path plot,
    List<Path> workspaces,
    Map<String, String> workspaceMap) {
  /** A request without workspaces. */
  public LimitsRequest(
      Path events,
      List<LimitSource> sources,
      double[] thetaTrue,
      Path observed,
      double luminosity,
      ParameterGrid grid,
      FisherKind fisher,
      Path plot) {
    this(events, sources, thetaTrue, observed, luminosity, grid, fisher, plot, List.of(), Map.of());
  }

  public LimitsRequest {
    if (events == null) {
      throw new InvalidValueException("events", "no event file");
    }
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new InvalidValueException(
          "sources", "no method; give a model folder or a histogram baseline");
    }
    if (thetaTrue == null && observed == null) {
      throw new InvalidValueException(
          "thetaTrue",
          "neither θ_true (expected limits) nor "
              + "observed data (observed limits) was given; give at least one");
    }
    thetaTrue = thetaTrue == null ? null : thetaTrue.clone();
    Check.luminosity(luminosity);
    if (grid == null) {
      throw new InvalidValueException("grid", "no grid; give lo:hi:n per parameter");
    }
    if (fisher == FisherKind.SALLY || fisher == FisherKind.HISTOGRAM) {
      throw new InvalidValueException(
          "fisher", "the Cramér–Rao overlay takes the Fisher kind truth or rate");
    }
    workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
    workspaceMap =
        workspaceMap == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(workspaceMap));
    if (workspaces.isEmpty() && !workspaceMap.isEmpty()) {
      throw new InvalidValueException(
          "workspace map",
          "renames workspace parameters, but there is no workspace; give a workspace file");
    }
  }

  @Override
  public double[] thetaTrue() {
    return thetaTrue == null ? null : thetaTrue.clone();
  }
}
