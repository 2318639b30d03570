package org.sbi4j.samples.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.common.MemoryBudget;
import org.sbi4j.common.Progress;
import org.sbi4j.common.Seeds;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.Permutations;
import org.sbi4j.samples.io.internal.StreamedDatasets;

/**
 * {@code sbi4j combine}: merges event files of one setup and shuffles their events with a seed, in
 * memory that does not grow with the files (docs/math.md §12.3).
 *
 * <p>Pass 1 reads the inputs in chunks and appends every event to one of K temporary bucket files
 * chosen uniformly at random; pass 2 loads one bucket at a time, permutes it uniformly
 * (Fisher–Yates) and writes it after the previous buckets. Every ordering of the N events is then
 * equally likely, so train/validation/test partitions by file order are unbiased. K is chosen so
 * that a bucket holds about {@code chunkEvents} events.
 */
public final class EventCombiner {
  /** Events read from an input per step of pass 1. */
  private static final int READ_CHUNK = 1 << 14;

  /** Most bucket files open at once (each holds a file descriptor). */
  static final int MAX_BUCKETS = 1000;

  /** Bytes buffered per bucket file before it is written. */
  private static final int BUCKET_BUFFER = 1 << 16;

  private EventCombiner() {}

  /**
   * The result.
   *
   * @param events events written
   * @param inputs the files combined
   * @param buckets shuffling buckets used
   * @param out the file written
   */
  public record Result(long events, List<String> inputs, int buckets, String out) {}

  /**
   * Combines {@code inputs} into {@code out}, shuffled with {@code seed}.
   *
   * @param chunkEvents events per shuffling bucket (what pass 2 holds in memory)
   * @param progress advanced once per event in each pass (2 N in all)
   * @throws InvalidValueException ("events") when the inputs differ in setup, naming the first
   *     difference
   */
  public static Result combine(
      List<Path> inputs, Path out, long seed, int chunkEvents, Progress progress) {
    if (inputs.isEmpty()) {
      throw new InvalidValueException("events", "give at least one event file to combine");
    }
    if (chunkEvents < 1) {
      throw new InvalidValueException(
          "chunkSize", "the chunk size " + chunkEvents + " must be at least 1 event");
    }
    List<EventFile> files = new ArrayList<>();
    Path tmpDir = null;
    try {
      for (Path p : inputs) {
        files.add(MadMinerFiles.open(p));
      }
      EventFile first = files.get(0);
      for (int i = 1; i < files.size(); i++) {
        String diff = difference(first, files.get(i));
        if (diff != null) {
          throw new InvalidValueException(
              "events",
              inputs.get(i)
                  + " differs from "
                  + inputs.get(0)
                  + " in its "
                  + diff
                  + "; only files of one setup can be combined");
        }
      }
      long total = files.stream().mapToLong(EventFile::size).sum();
      if (total == 0) {
        throw new InvalidValueException("events", "the event files hold no events");
      }
      Layout layout = new Layout(first);
      long wanted = (total + chunkEvents - 1) / chunkEvents;
      if (wanted > MAX_BUCKETS) {
        throw new InvalidValueException(
            "chunkSize",
            String.format(
                Locale.ROOT,
                "%d events in chunks of %d need %d bucket files, more than %d; raise the chunk"
                    + " size to at least %d",
                total,
                chunkEvents,
                wanted,
                MAX_BUCKETS,
                (total + MAX_BUCKETS - 1) / MAX_BUCKETS));
      }
      int buckets = (int) wanted;
      // a bucket holds Binomial(N, 1/K) events: mean + 6 standard deviations is never exceeded
      long largest =
          (long) Math.ceil(total / (double) buckets + 6 * Math.sqrt(total / (double) buckets) + 1);
      MemoryBudget.require(
          "chunkSize",
          "events per shuffling bucket",
          largest,
          16L * layout.width() + 8,
          "lower the chunk size");
      Path parent = out.toAbsolutePath().getParent();
      tmpDir = Files.createTempDirectory(parent, "." + out.getFileName() + ".buckets");
      long[] bucketSize = new long[buckets];
      long[] signal = new long[first.setup().benchmarks().size()];
      long[] background = new long[1];
      scatter(files, layout, tmpDir, seed, bucketSize, signal, background, progress);
      write(first, layout, tmpDir, out, total, bucketSize, signal, background[0], seed, progress);
      return new Result(total, inputs.stream().map(Path::toString).toList(), buckets, "" + out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot combine into " + out + ": " + e.getMessage(), e);
    } finally {
      files.forEach(EventFile::close);
      deleteTree(tmpDir);
    }
  }

  /** The first way {@code b} differs in setup from {@code a}, or null when it does not. */
  static String difference(EventFile a, EventFile b) {
    MorphingSetup sa = a.setup();
    MorphingSetup sb = b.setup();
    if (!sa.parameters().equals(sb.parameters())) {
      return "parameters (" + sb.parameterNames() + " vs " + sa.parameterNames() + ")";
    }
    if (!sa.benchmarks().equals(sb.benchmarks())) {
      return "benchmarks (" + sb.benchmarkNames() + " vs " + sa.benchmarkNames() + ")";
    }
    if (!a.observables().equals(b.observables())) {
      return "observables (" + b.observables() + " vs " + a.observables() + ")";
    }
    if (!a.nuisances().equals(b.nuisances())) {
      return "nuisance parameters (" + b.nuisances().names() + " vs " + a.nuisances().names() + ")";
    }
    if (!a.systematics().equals(b.systematics())) {
      return "systematics";
    }
    return null;
  }

  /** One event as a bucket record: x (d), θ weights (B), nuisance weights (K), benchmark. */
  private record Layout(int d, int nb, int k) {
    Layout(EventFile f) {
      this(
          f.observables().size(),
          f.setup().benchmarks().size(),
          f.nuisances().isEmpty() ? 0 : f.nuisances().benchmarks().size());
    }

    int width() {
      return d + nb + k + 1;
    }
  }

  /** Pass 1: every event to a uniformly random bucket file. */
  private static void scatter(
      List<EventFile> files,
      Layout l,
      Path dir,
      long seed,
      long[] bucketSize,
      long[] signal,
      long[] background,
      Progress progress)
      throws IOException {
    int buckets = bucketSize.length;
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, 1));
    FileChannel[] ch = new FileChannel[buckets];
    ByteBuffer[] buf = new ByteBuffer[buckets];
    int bufferBytes = Math.max(l.width() * 8, Math.min(BUCKET_BUFFER, (1 << 28) / buckets));
    try {
      for (int b = 0; b < buckets; b++) {
        ch[b] =
            FileChannel.open(
                bucket(dir, b), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        buf[b] = ByteBuffer.allocate(bufferBytes).order(ByteOrder.LITTLE_ENDIAN);
      }
      for (EventFile f : files) {
        for (long from = 0; from < f.size(); from += READ_CHUNK) {
          int count = (int) Math.min(READ_CHUNK, f.size() - from);
          EventSample s = f.read(from, count);
          double[] x = s.x();
          double[] w = s.weights();
          double[] nw = l.k() == 0 ? null : s.nuisanceWeights();
          int[] sampled = s.sampledFrom().orElseThrow();
          for (int i = 0; i < count; i++) {
            int b = rng.nextInt(buckets);
            if (buf[b].remaining() < l.width() * 8) {
              flush(ch[b], buf[b]);
            }
            ByteBuffer o = buf[b];
            for (int j = 0; j < l.d(); j++) {
              o.putDouble(x[i * l.d() + j]);
            }
            for (int j = 0; j < l.nb(); j++) {
              o.putDouble(w[i * l.nb() + j]);
            }
            for (int j = 0; j < l.k(); j++) {
              o.putDouble(nw[i * l.k() + j]);
            }
            o.putDouble(sampled[i]);
            bucketSize[b]++;
            if (sampled[i] < 0) {
              background[0]++;
            } else {
              signal[sampled[i]]++;
            }
          }
          progress.step(count);
        }
      }
      for (int b = 0; b < buckets; b++) {
        flush(ch[b], buf[b]);
      }
    } finally {
      for (FileChannel c : ch) {
        if (c != null) {
          c.close();
        }
      }
    }
  }

  /** Pass 2: each bucket permuted in memory and written after the previous ones. */
  private static void write(
      EventFile first,
      Layout l,
      Path dir,
      Path out,
      long total,
      long[] bucketSize,
      long[] signal,
      long background,
      long seed,
      Progress progress) {
    int cols = l.nb() + l.k();
    List<StreamedDatasets.Spec> specs =
        List.of(
            new StreamedDatasets.Spec("samples/observations", total, l.d(), false),
            new StreamedDatasets.Spec("samples/weights", total, cols, false),
            new StreamedDatasets.Spec("samples/sampling_benchmarks", total, 0, true));
    Nuisances nuisances = first.nuisances();
    List<String> definitions = first.definitions();
    StreamedDatasets.write(
        out,
        h5 -> {
          MadMinerFiles.writeSetup(h5, first.setup(), nuisances);
          NuisanceFiles.write(h5, nuisances, first.systematics());
          h5.strings("observables/names", first.observables());
          h5.strings("observables/definitions", definitions);
          h5.longs("sample_summary/signal_events", signal);
          h5.longScalar("sample_summary/background_events", background);
        },
        specs,
        regions -> {
          long row = 0;
          int w = l.width();
          for (int b = 0; b < bucketSize.length; b++) {
            int n = Math.toIntExact(bucketSize[b]);
            if (n == 0) {
              continue;
            }
            double[] rec = readBucket(bucket(dir, b), Math.multiplyExact(n, w));
            int[] perm = Permutations.random(n, Seeds.derive(Seeds.derive(seed, 2), b));
            double[] x = new double[n * l.d()];
            double[] wt = new double[n * cols];
            long[] s = new long[n];
            for (int i = 0; i < n; i++) {
              int at = perm[i] * w;
              System.arraycopy(rec, at, x, i * l.d(), l.d());
              System.arraycopy(rec, at + l.d(), wt, i * cols, cols);
              s[i] = (long) rec[at + w - 1];
            }
            regions.get(0).write(row, x, n);
            regions.get(1).write(row, wt, n);
            regions.get(2).write(row, s, n);
            row += n;
            progress.step(n);
          }
        });
  }

  private static double[] readBucket(Path file, int values) throws IOException {
    double[] out = new double[values];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != values * 8L) {
        throw new IOException("bucket file " + file + " has " + ch.size() + " bytes");
      }
      // mapped, so the bytes stay off the heap
      ch.map(FileChannel.MapMode.READ_ONLY, 0, values * 8L)
          .order(ByteOrder.LITTLE_ENDIAN)
          .asDoubleBuffer()
          .get(out);
    }
    return out;
  }

  private static void flush(FileChannel ch, ByteBuffer b) throws IOException {
    b.flip();
    while (b.hasRemaining()) {
      ch.write(b);
    }
    b.clear();
  }

  private static Path bucket(Path dir, int b) {
    return dir.resolve("bucket-" + b + ".bin");
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: the temporary folder is hidden beside the output
    }
  }
}
