package org.sbi4j.inference.cwola;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a CWoLa search (the JSON of {@code sbi4j cwola}).
 *
 * @param inclusive the bump hunt on every event in the window
 * @param selected the bump hunt on the events selected by the classifiers
 * @param events events in the window
 * @param signalRegionEvents events in the signal region
 * @param selectedEvents events kept by the selection
 * @param folds k
 * @param efficiency ε
 */
public record CwolaResult(
    BumpHunt inclusive,
    BumpHunt selected,
    int events,
    int signalRegionEvents,
    int selectedEvents,
    int folds,
    double efficiency) {
  /** The JSON summary. */
  public Map<String, Object> summary() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("events", events);
    json.put("signalRegionEvents", signalRegionEvents);
    json.put("selectedEvents", selectedEvents);
    json.put("folds", folds);
    json.put("efficiency", efficiency);
    json.put("inclusive", hunt(inclusive));
    json.put("selected", hunt(selected));
    json.put("z", selected.z());
    json.put("pValue", selected.pValue());
    return json;
  }

  private static Map<String, Object> hunt(BumpHunt h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("observed", h.observed());
    m.put("background", h.background());
    m.put("q0", h.q0());
    m.put("z", h.z());
    m.put("pValue", h.pValue());
    return m;
  }
}
