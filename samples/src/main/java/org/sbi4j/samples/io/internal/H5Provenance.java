package org.sbi4j.samples.io.internal;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.WritableGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sbi4j.common.Provenance;

/**
 * The provenance of an HDF5 file sbi4j wrote: attributes of the root group whose names start with
 * {@value #PREFIX} (docs/formats.md §17.3), beside MadMiner's datasets, which stay as they are.
 * Attributes of the root rather than a group of their own: jhdf 0.13 writes a file it cannot read
 * back when a group with attributes sits beside a group of datasets.
 */
public final class H5Provenance {
  /** Prefix of the attribute names. */
  public static final String PREFIX = "sbi4j_";

  private H5Provenance() {}

  /** Adds the attributes to {@code root}; empty lists are left out (HDF5 has none). */
  public static void write(WritableGroup root, Provenance p) {
    Prefixed g = (name, value) -> root.putAttribute(PREFIX + name, value);
    g.putAttribute("tool", p.tool());
    g.putAttribute("version", p.version());
    g.putAttribute("commit", p.commit());
    g.putAttribute("dirty", p.dirty());
    g.putAttribute("created_at", p.createdAt());
    strings(g, "command_line", p.commandLine());
    if (!p.seeds().isEmpty()) {
      strings(g, "seed_names", List.copyOf(p.seeds().keySet()));
      g.putAttribute(
          "seed_values", p.seeds().values().stream().mapToLong(Long::longValue).toArray());
    }
    strings(g, "input_paths", p.inputs().stream().map(Provenance.Input::path).toList());
    strings(g, "input_sha256", p.inputs().stream().map(Provenance.Input::sha256).toList());
    strings(g, "runtime_keys", List.copyOf(p.runtime().keySet()));
    strings(g, "runtime_values", List.copyOf(p.runtime().values()));
  }

  /** Puts an attribute under the prefixed name. */
  @FunctionalInterface
  private interface Prefixed {
    void putAttribute(String name, Object value);
  }

  private static void strings(Prefixed g, String name, List<String> values) {
    if (!values.isEmpty()) {
      g.putAttribute(name, values.toArray(new String[0]));
    }
  }

  /** The provenance recorded in {@code h5}, if it has one. */
  public static Optional<Provenance> read(HdfFile h5) {
    Group g = h5;
    if (g.getAttribute(PREFIX + "tool") == null) {
      return Optional.empty();
    }
    List<String> seedNames = strings(g, "seed_names");
    Attribute seedAttribute = g.getAttribute(PREFIX + "seed_values");
    long[] seedValues = seedAttribute == null ? new long[0] : (long[]) seedAttribute.getData();
    Map<String, Long> seeds = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(seedNames.size(), seedValues.length); i++) {
      seeds.put(seedNames.get(i), seedValues[i]);
    }
    List<String> paths = strings(g, "input_paths");
    List<String> hashes = strings(g, "input_sha256");
    List<Provenance.Input> inputs = new ArrayList<>();
    for (int i = 0; i < Math.min(paths.size(), hashes.size()); i++) {
      inputs.add(new Provenance.Input(paths.get(i), hashes.get(i)));
    }
    List<String> keys = strings(g, "runtime_keys");
    List<String> values = strings(g, "runtime_values");
    Map<String, String> runtime = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      runtime.put(keys.get(i), values.get(i));
    }
    return Optional.of(
        new Provenance(
            string(g, "tool"),
            string(g, "version"),
            string(g, "commit"),
            string(g, "dirty"),
            strings(g, "command_line"),
            seeds,
            inputs,
            runtime,
            string(g, "created_at")));
  }

  private static String string(Group g, String name) {
    Attribute a = g.getAttribute(PREFIX + name);
    if (a == null) {
      return null;
    }
    Object d = a.getData();
    return d instanceof String[] arr && arr.length == 1 ? arr[0] : String.valueOf(d);
  }

  private static List<String> strings(Group g, String name) {
    Attribute a = g.getAttribute(PREFIX + name);
    if (a == null) {
      return List.of();
    }
    Object d = a.getData();
    return d instanceof String[] arr ? List.of(arr) : List.of(String.valueOf(d));
  }
}
