package org.sbi4j.inference.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.inference.fisher.FisherMatrix;

/**
 * What {@code sbi4j limits} produces: one result per method and mode, the optional Fisher matrix of
 * the Cramér–Rao overlay, and the plot files.
 *
 * @param results expected results first (one per method), then observed ones
 * @param fisher the overlay's Fisher matrix at θ_true, or null
 * @param plotFiles the PNG and SVG written, empty when none
 * @param workspaces the combined workspaces' description ({@link WorkspaceChannels#summary}), or
 *     null without workspaces
 * @param ensembles the ensemble band of each result whose method is a ratio-model ensemble, by the
 *     result's index in {@code results}
 */
public record LimitsReport(
    List<LimitsResult> results,
    FisherMatrix fisher,
    List<String> plotFiles,
    Map<String, Object> workspaces,
    Map<Integer, EnsembleBand> ensembles) {
  public LimitsReport {
    results = List.copyOf(results);
    plotFiles = List.copyOf(plotFiles);
    ensembles = ensembles == null ? Map.of() : Map.copyOf(ensembles);
  }

  /** A report without ensemble bands. */
  public LimitsReport(
      List<LimitsResult> results,
      FisherMatrix fisher,
      List<String> plotFiles,
      Map<String, Object> workspaces) {
    this(results, fisher, plotFiles, workspaces, Map.of());
  }

  /** A report without workspaces. */
  public LimitsReport(List<LimitsResult> results, FisherMatrix fisher, List<String> plotFiles) {
    this(results, fisher, plotFiles, null, Map.of());
  }

  /** Every warning of every result, each prefixed by its method. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>();
    for (LimitsResult r : results) {
      for (String w : r.scan().warnings()) {
        out.add(r.method() + ": " + w);
      }
    }
    return out;
  }

  /**
   * The JSON of docs/cli.md: the keys of the first result at the top level ({@code parameters},
   * {@code grid}, {@code q}, {@code pValues}, {@code bestFit}, {@code intervals}, …), every result
   * under {@code results}, the Fisher overlay under {@code fisher}, the combined workspaces under
   * {@code workspaces}, and {@code plots}; a result of an ensemble adds its band's keys ({@link
   * EnsembleBand#summary}).
   */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>(resultSummary(0));
    out.put("warnings", warnings());
    if (results.size() > 1) {
      List<Map<String, Object>> all = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        all.add(resultSummary(i));
      }
      out.put("results", all);
    }
    if (fisher != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("matrix", fisher.matrix());
      f.put("warnings", fisher.warnings());
      out.put("fisher", f);
    }
    if (workspaces != null) {
      out.put("workspaces", workspaces);
    }
    out.put("plots", plotFiles);
    return out;
  }

  /** Result i's keys, with its ensemble band's keys when it has one. */
  private Map<String, Object> resultSummary(int i) {
    Map<String, Object> out = results.get(i).summary();
    EnsembleBand band = ensembles.get(i);
    if (band != null) {
      out.putAll(band.summary());
    }
    return out;
  }
}
