package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a Python snippet with Debian's h5py ({@code /usr/bin/python3}; .ci/run installs it). */
final class H5py {
  private H5py() {}

  /** Script start that opens the file {@code sys.argv[1]} to change it, as {@code f}. */
  static final String CHANGE =
      """
      import sys, h5py, numpy as np
      with h5py.File(sys.argv[1], 'a') as f:
      """;

  /**
   * Script start that creates the file {@code sys.argv[1]} as {@code f} with one parameter, theta
   * in [-1, 1] up to power 2, and three benchmarks named sm, plus, minus; their values and the rest
   * are the caller's (4-space indent).
   */
  static final String ONE_PARAMETER =
      """
      import sys, h5py, numpy as np
      with h5py.File(sys.argv[1], 'w') as f:
          f.create_dataset('parameters/names', data=[b'theta'], dtype='S256')
          f.create_dataset('parameters/max_power', data=[2])
          f.create_dataset('parameters/val_ranges', data=[[-1.0, 1.0]])
          f.create_dataset('benchmarks/names', data=[b'sm', b'plus', b'minus'], dtype='S256')
      """;

  /** Runs {@code script} with the arguments; fails the test unless it exits 0. Returns stdout. */
  static String run(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    assertEquals(0, p.exitValue(), "python/h5py failed:\n" + out);
    return out;
  }
}
