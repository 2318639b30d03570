package org.sbi4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.MadMinerFiles;
import org.sbi4j.samples.simulators.Simulators;

/** Event files the command tests read, each in its own temp folder removed when the JVM exits. */
final class TestEvents {
  private TestEvents() {}

  /** Writes {@code n} Interference1D events drawn with {@code seed}; returns the file. */
  static Path interference1d(int n, long seed) {
    try {
      Path dir = Files.createTempDirectory("sbi4j-cli-events");
      dir.toFile().deleteOnExit();
      Path events = dir.resolve("events.h5");
      MadMinerFiles.writeEvents(events, Simulators.INTERFERENCE_1D.create().events(n, seed));
      events.toFile().deleteOnExit();
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A user's own training sample of {@code n} events drawn with {@code seed}: x ~ N(θ0, 1) or N(0,
   * 1), no morphing setup; with the score column t(x|z) when {@code withScore}.
   */
  static EventSample userSample(int n, long seed, boolean withScore) {
    double[] x = new double[n];
    double[] th = new double[n];
    double[] y = new double[n];
    double[] lr = new double[n];
    double[] t = new double[n];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      th[i] = rng.nextDouble(-1, 1);
      y[i] = i % 2;
      x[i] = rng.nextGaussian() + (y[i] == 0 ? th[i] : 0);
      lr[i] = x[i] * th[i] - th[i] * th[i] / 2;
      t[i] = x[i] - th[i];
    }
    List<String> p = List.of("theta");
    EventSample s =
        EventSample.ofFeatures(List.of("x"), x)
            .withColumn(Column.THETA0, th, p)
            .withColumn(Column.Y, y, p)
            .withColumn(Column.LOG_R_XZ, lr, p);
    return withScore ? s.withColumn(Column.T_XZ0, t, p) : s;
  }
}
