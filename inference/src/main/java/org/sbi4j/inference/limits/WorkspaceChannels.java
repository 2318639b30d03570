package org.sbi4j.inference.limits;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.inference.histfactory.HistFactoryModel;
import org.sbi4j.inference.histfactory.HistFactoryModel.Data;
import org.sbi4j.inference.histfactory.ProfiledWorkspace;
import org.sbi4j.inference.histfactory.Workspace;
import org.sbi4j.inference.histfactory.WorkspaceJson;
import org.sbi4j.inference.histfactory.Workspaces;

/**
 * The binned channels of one or more pyhf workspaces that join the unbinned likelihood of {@code
 * limits} (docs/math.md §6.9): the workspaces merged into one model (nuisance parameters shared by
 * name), its parameters standing for θ set to θ, the others profiled.
 *
 * @param files the workspace files, for the report
 * @param model the merged model (default interpolation: normsys code4, histosys code4p)
 * @param renames workspace parameter → θ name, for parameters named otherwise than θ's component
 */
public record WorkspaceChannels(
    List<Path> files, HistFactoryModel model, Map<String, String> renames) {
  public WorkspaceChannels {
    files = List.copyOf(files);
    renames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renames));
  }

  /** Reads, merges and models {@code files}. */
  public static WorkspaceChannels open(List<Path> files, Map<String, String> renames) {
    if (files.isEmpty()) {
      throw new InvalidValueException("workspaces", "no workspace file; give at least one");
    }
    List<Workspace> read = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      read.add(WorkspaceJson.read(f));
      names.add(f.toString());
    }
    Workspace merged = Workspaces.merge(read, names);
    HistFactoryModel model;
    try {
      model = HistFactoryModel.of(merged);
    } catch (InvalidValueException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "workspace " + String.join(" + ", names) + ": " + e.getMessage(), e);
    }
    return new WorkspaceChannels(files, model, renames);
  }

  /**
   * The profiled workspace term over θ: on the Asimov data at θ_true (θ parameters at θ_true, all
   * others at their initial values) for expected limits, on the observed counts otherwise; refused
   * when the grid (or θ_true) leaves the bounds of a workspace parameter standing for θ.
   *
   * @param thetaNames θ's component names
   * @param thetaTrue θ_true for expected limits, or null for observed ones
   * @param grid the scan grid
   */
  public ProfiledWorkspace term(List<String> thetaNames, double[] thetaTrue, ParameterGrid grid) {
    return term(thetaNames, List.of(), thetaTrue, grid);
  }

  /**
   * As {@link #term(List, double[], ParameterGrid)}, the workspace parameters named like one of
   * {@code nuisanceNames} (the event file's nuisance parameters) shared with ν; on Asimov data they
   * sit at their initial value, 0, as the file's ν.
   */
  public ProfiledWorkspace term(
      List<String> thetaNames, List<String> nuisanceNames, double[] thetaTrue, ParameterGrid grid) {
    Data data =
        thetaTrue == null
            ? model.observedData()
            : ProfiledWorkspace.asimov(model, thetaNames, renames, thetaTrue);
    ProfiledWorkspace term = new ProfiledWorkspace(model, data, thetaNames, renames, nuisanceNames);
    term.checkInside("grid", grid.lower(), grid.upper());
    if (thetaTrue != null) {
      term.checkInside("theta-true", thetaTrue, thetaTrue);
    }
    return term;
  }

  /**
   * The JSON of docs/cli.md: {@code files}, {@code channels}, {@code mapped} (workspace parameter →
   * θ name) and {@code profiled} (the parameters maximised at every θ).
   */
  public Map<String, Object> summary(List<String> thetaNames) {
    ProfiledWorkspace term =
        new ProfiledWorkspace(model, model.observedData(), thetaNames, renames);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("files", files.stream().map(Path::toString).toList());
    out.put("mapped", term.mapped());
    out.put("profiled", term.profiled());
    return out;
  }
}
