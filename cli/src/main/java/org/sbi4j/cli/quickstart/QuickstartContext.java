package org.sbi4j.cli.quickstart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sbi4j.common.Seeds;

/** What stages share: the output folder, the root seed, the report and the JSON summary. */
public final class QuickstartContext {
  private final Path out;
  private final long seed;
  private final List<String> report = new ArrayList<>();
  private final Map<String, Object> summary = new LinkedHashMap<>();
  private final Map<String, Object> artefacts = new LinkedHashMap<>();

  QuickstartContext(Path out, long seed) {
    this.out = out;
    this.seed = seed;
  }

  public Path out() {
    return out;
  }

  /** The seed of stage {@code stage}, derived from the root seed. */
  public long seed(int stage) {
    return Seeds.derive(seed, stage);
  }

  /** Appends a Markdown line to the report. */
  public void report(String line) {
    report.add(line);
  }

  /** Appends a report section: the Markdown heading, its text and a blank line. */
  public void section(String heading, String text) {
    report("## " + heading);
    report(text);
    report("");
  }

  /** Records a number or structure for the JSON summary. */
  public void summary(String key, Object value) {
    summary.put(key, value);
  }

  /** Shares an in-memory artefact (a path, a model) with later stages. */
  public void put(String key, Object value) {
    artefacts.put(key, value);
  }

  /** True when an earlier stage shared {@code key}. */
  public boolean has(String key) {
    return artefacts.containsKey(key);
  }

  /** An artefact an earlier stage shared. */
  @SuppressWarnings("unchecked")
  public <T> T get(String key) {
    Object v = artefacts.get(key);
    if (v == null) {
      throw new IllegalStateException("quickstart stage output '" + key + "' is missing");
    }
    return (T) v;
  }

  List<String> reportLines() {
    return report;
  }

  Map<String, Object> summary() {
    return summary;
  }
}
