package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sbi4j.common.Progress;

class BarsTest {
  @Test
  void quietOrNoTerminalDrawsNothing() {
    Bars bars = new Bars();
    bars.quiet = true;
    assertSame(Progress.NONE, bars.start("mine", 10));
    // Under the test runner stderr is not a console: no bar either.
    assertSame(Progress.NONE, new Bars().start("mine", 10));
  }

  @Test
  void barCountsEveryStep() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    try (Progress p = Bars.bar("toys", 40, "toys", out)) {
      for (int i = 0; i < 40; i++) {
        p.step();
      }
    }
    String drawn = buf.toString(StandardCharsets.UTF_8);
    assertTrue(drawn.contains("toys"), drawn);
    assertTrue(drawn.contains("40/40"), drawn);
    assertTrue(drawn.contains("100%"), drawn);
  }
}
