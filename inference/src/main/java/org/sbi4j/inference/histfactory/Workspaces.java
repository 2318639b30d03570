package org.sbi4j.inference.histfactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.inference.histfactory.Workspace.Channel;
import org.sbi4j.inference.histfactory.Workspace.Measurement;
import org.sbi4j.inference.histfactory.Workspace.Observation;
import org.sbi4j.inference.histfactory.Workspace.ParameterConfig;

/**
 * Several workspaces as one (docs/math.md §6.9): their channels and observations side by side, one
 * measurement with the first workspace's POI and the union of the parameter configs of every
 * workspace's first measurement. Modifiers with the same name in two workspaces are then one
 * parameter set, as within one workspace.
 */
public final class Workspaces {
  private Workspaces() {}

  /**
   * The workspaces merged into one.
   *
   * @param workspaces at least one
   * @param names how to name each in messages (file names)
   * @throws IllegalArgumentException when two channels share a name or two workspaces configure the
   *     same parameter differently
   */
  public static Workspace merge(List<Workspace> workspaces, List<String> names) {
    if (workspaces.isEmpty() || names.size() != workspaces.size()) {
      throw new IllegalArgumentException(
          workspaces.size() + " workspaces and " + names.size() + " names; give one name each");
    }
    if (workspaces.size() == 1) {
      return workspaces.get(0);
    }
    List<Channel> channels = new ArrayList<>();
    List<Observation> observations = new ArrayList<>();
    Map<String, String> channelFrom = new LinkedHashMap<>();
    Map<String, ParameterConfig> configs = new LinkedHashMap<>();
    Map<String, String> configFrom = new LinkedHashMap<>();
    for (int w = 0; w < workspaces.size(); w++) {
      Workspace ws = workspaces.get(w);
      String name = names.get(w);
      for (Channel c : ws.channels()) {
        String before = channelFrom.putIfAbsent(c.name(), name);
        if (before != null) {
          throw new IllegalArgumentException(
              "workspaces "
                  + before
                  + " and "
                  + name
                  + " both have a channel '"
                  + c.name()
                  + "'; channel names must be unique across the combined workspaces (rename one)");
        }
        channels.add(c);
        observations.add(ws.observation(c.name()));
      }
      for (ParameterConfig p : ws.measurements().get(0).parameters()) {
        ParameterConfig before = configs.putIfAbsent(p.name(), p);
        if (before != null && !same(before, p)) {
          throw new IllegalArgumentException(
              "workspaces "
                  + configFrom.get(p.name())
                  + " and "
                  + name
                  + " configure parameter '"
                  + p.name()
                  + "' differently (inits, bounds, auxdata, sigmas, factors or fixed); a shared"
                  + " parameter needs one configuration");
        }
        configFrom.putIfAbsent(p.name(), name);
      }
    }
    Measurement first = workspaces.get(0).measurements().get(0);
    Workspace merged =
        new Workspace(
            "1.0.0",
            channels,
            observations,
            List.of(new Measurement(first.name(), first.poi(), new ArrayList<>(configs.values()))));
    try {
      WorkspaceChecks.check(merged);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the combination of " + String.join(", ", names) + ": " + e.getMessage(), e);
    }
    return merged;
  }

  private static boolean same(ParameterConfig a, ParameterConfig b) {
    return Arrays.equals(a.inits(), b.inits())
        && Arrays.deepEquals(a.bounds(), b.bounds())
        && Arrays.equals(a.auxdata(), b.auxdata())
        && Arrays.equals(a.sigmas(), b.sigmas())
        && Arrays.equals(a.factors(), b.factors())
        && java.util.Objects.equals(a.fixed(), b.fixed());
  }
}
