package org.sbi4j.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.sbi4j.common.Sha256;

/**
 * Benchmark harness (a main, not a unit test). Run with {@code bench/hash.sh}: the cost of the
 * provenance's input hashing (docs/formats.md §17.1) on one large file, as {@link Sha256#file} does
 * it before a command starts, beside two ways of reading the file into the same JDK SHA-256:
 * through an 8 KiB {@code DigestInputStream} (its former implementation) and through a 1 MiB
 * buffer. Prints, per way and repetition, the thread CPU time (what a loaded machine does not
 * distort), the wall time and MB/s of each; every way must print the same digest.
 *
 * <p>Arguments: FILE [REPETITIONS] (default 2).
 */
public final class HashBenchmark {
  private HashBenchmark() {}

  private interface Way {
    String hash(Path file) throws IOException;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    double mb = Files.size(file) / 1e6;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"Sha256.file", "stream 8 KiB", "buffer 1 MiB"};
    Way[] ways = {Sha256::file, HashBenchmark::stream8k, HashBenchmark::buffer1m};
    System.out.printf(Locale.ROOT, "file %s, %.1f MB%n", file, mb);
    for (int r = 0; r < reps; r++) {
      for (int w = 0; w < ways.length; w++) {
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        String h = ways[w].hash(file);
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%-13s cpu %6.2f s (%5.0f MB/s, %.2f s/GB)  wall %6.2f s (%5.0f MB/s)  %s%n",
            names[w],
            cpu,
            mb / cpu,
            cpu / (mb / 1000),
            wall,
            mb / wall,
            h);
      }
    }
  }

  private static String stream8k(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static String buffer1m(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
