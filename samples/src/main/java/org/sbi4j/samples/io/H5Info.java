package org.sbi4j.samples.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Provenance;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.io.internal.H5Reader;

/**
 * What an HDF5 file sbi4j reads or writes is, told from its datasets (docs/formats.md), with its
 * sizes and recorded provenance; for {@code sbi4j info}.
 *
 * @param kind "event file", "mined file", "training sample", "evaluation", "setup file" or "HDF5
 *     file" (none of those)
 * @param shape sizes and names by key: events, observables, parameters, benchmarks, nuisances,
 *     columns (what applies to the kind)
 * @param provenance the recorded provenance, or null for a file sbi4j did not write
 */
public record H5Info(String kind, Map<String, Object> shape, Provenance provenance) {
  /** Reads the datasets' names and sizes of {@code file} (not their values, except names). */
  public static H5Info of(Path file) {
    try (H5Reader in = H5Reader.open(file)) {
      Map<String, Object> shape = new LinkedHashMap<>();
      String kind;
      if (in.has("samples/observations")) {
        kind = "event file";
        shape.put("events", in.rows("samples/observations"));
        names(in, shape, "observables", "observables/names");
        names(in, shape, "parameters", "parameters/names");
        names(in, shape, "benchmarks", "benchmarks/names");
        names(in, shape, "nuisances", "nuisance_parameters/names");
      } else if (in.has("log_r_xz") && in.has("dsigma0")) {
        kind = "mined file";
        shape.put("events", in.rows("log_r_xz"));
        shape.put("parameters", in.columns("t_xz0"));
        names(in, shape, "nuisances", "nuisance_names");
      } else if (in.has("x")) {
        kind = "training sample";
        shape.put("samples", in.rows("x"));
        names(in, shape, "observables", "observables/names");
        names(in, shape, "parameters", "parameters/names");
        names(in, shape, "nuisances", TrainingFiles.NUISANCE_NAMES);
        shape.put(
            "columns",
            Arrays.stream(Column.values()).map(Column::datasetName).filter(in::has).toList());
      } else if (in.has("t_hat")) {
        kind = "evaluation";
        shape.put("events", in.rows("t_hat"));
        shape.put("parameters", in.columns("t_hat"));
        shape.put("ensemble", in.has("t_hat_std"));
      } else if (in.has("parameters/names") && in.has("benchmarks/names")) {
        kind = "setup file";
        names(in, shape, "parameters", "parameters/names");
        names(in, shape, "benchmarks", "benchmarks/names");
        names(in, shape, "nuisances", "nuisance_parameters/names");
      } else {
        kind = "HDF5 file";
      }
      return new H5Info(kind, shape, in.provenance().orElse(null));
    }
  }

  private static void names(H5Reader in, Map<String, Object> shape, String key, String path) {
    if (in.has(path)) {
      shape.put(key, List.of(in.strings(path)));
    }
  }
}
