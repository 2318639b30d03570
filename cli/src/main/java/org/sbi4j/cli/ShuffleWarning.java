package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;

/**
 * The warning of {@code augment} and {@code limits} for an event file whose events look unshuffled
 * ({@link EventFile#looksUnshuffled()}): its partitions by file order would be biased.
 */
final class ShuffleWarning {
  private ShuffleWarning() {}

  /** {@code warnings} with the unshuffled-events warning for {@code events} first, if any. */
  static List<Object> plus(Path events, Iterable<?> warnings) {
    List<Object> out = new ArrayList<>();
    try (EventFile f = MadMinerFiles.open(events)) {
      if (f.looksUnshuffled()) {
        out.add(
            events
                + ": the events look unshuffled (sorted by sampling benchmark), so the"
                + " train/validation/test partitions by file order are biased; shuffle them with"
                + " 'sbi4j combine --events "
                + events
                + " --out FILE'");
      }
    }
    warnings.forEach(out::add);
    return out;
  }
}
