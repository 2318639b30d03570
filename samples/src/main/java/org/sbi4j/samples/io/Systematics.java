package org.sbi4j.samples.io;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The systematics an event file declares and which systematic each nuisance parameter comes from
 * (MadMiner's {@code systematics} group and {@code nuisance_parameters/systematics}).
 *
 * @param entries the systematics, in file order, with unique names
 * @param ofNuisance nuisance parameter name → the name of the systematic it comes from (MadMiner
 *     does not require that this systematic is among the entries)
 */
public record Systematics(List<Systematic> entries, Map<String, String> ofNuisance) {
  /** No systematics. */
  public static final Systematics NONE = new Systematics(List.of(), Map.of());

  public Systematics {
    entries = List.copyOf(entries);
    ofNuisance = Map.copyOf(ofNuisance);
    Set<String> names = new HashSet<>();
    for (Systematic s : entries) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(
            "two systematics are named '" + s.name() + "'; names must be unique");
      }
    }
  }

  /** The systematic nuisance parameter {@code nuisance} comes from; its own name when unknown. */
  public String systematicOf(String nuisance) {
    return ofNuisance.getOrDefault(nuisance, nuisance);
  }
}
