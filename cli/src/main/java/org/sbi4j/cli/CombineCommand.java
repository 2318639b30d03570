package org.sbi4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sbi4j.common.Progress;
import org.sbi4j.samples.io.EventCombiner;
import org.sbi4j.samples.io.EventFile;
import org.sbi4j.samples.io.MadMinerFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sbi4j combine}: merges event files of one setup and shuffles them (docs/cli.md). */
@Command(
    name = "combine",
    mixinStandardHelpOptions = true,
    description =
        "Merge event files with the same setup and shuffle their events with a seed, in chunks.")
final class CombineCommand implements Callable<Integer>, OptionMap.Mapped, Outputs.Declaring {
  @Mixin CommonOptions common;

  @Option(
      names = "--events",
      required = true,
      paramLabel = "FILE",
      description = "Event file to combine (repeat for each file).")
  List<Path> events;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output (.h5).")
  Path out;

  @Option(
      names = "--chunk-size",
      defaultValue = "1000000",
      paramLabel = "N",
      description =
          "Events per shuffling bucket, the most held in memory at once (default"
              + " ${DEFAULT-VALUE}).")
  int chunkSize;

  @Mixin SeedOption seed;

  @Mixin Bars bars;

  @Override
  public OptionMap optionMap() {
    return OptionMap.of("events", "--events", "chunkSize", "--chunk-size");
  }

  @Override
  public void declare(Outputs o) {
    common.declare(o).inputs("--events", events).file("--out", out);
  }

  @Override
  public Integer call() {
    long total = 0;
    for (Path p : events) {
      try (EventFile f = MadMinerFiles.open(p)) {
        total += f.size();
      }
    }
    EventCombiner.Result r;
    // each event is read once (into a bucket) and written once (from its shuffled bucket)
    try (Progress p = bars.start("combine", 2 * total, "events")) {
      r = EventCombiner.combine(events, out, seed.value, chunkSize, p);
    }
    common.report(
        r,
        () ->
            System.out.printf(
                "%d events from %d files shuffled into %s%n",
                r.events(), r.inputs().size(), r.out()));
    return 0;
  }
}
