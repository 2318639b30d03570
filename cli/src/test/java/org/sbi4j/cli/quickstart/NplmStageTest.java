package org.sbi4j.cli.quickstart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NplmStageTest {
  @TempDir Path dir;

  @Test
  void detectsTheTailSignalAndWritesPlots() throws IOException {
    QuickstartContext context = new QuickstartContext(dir, 42);
    new NplmStage().run(context);
    @SuppressWarnings("unchecked")
    Map<String, Object> nplm = (Map<String, Object>) context.summary().get("nplm");
    double z = (Double) nplm.get("z");
    assertTrue(z > 3, "the injected signal is detected: Z = " + z);
    assertTrue(Files.size(dir.resolve("nplm-null.png")) > 1000);
    assertTrue(Files.size(dir.resolve("nplm-f.png")) > 1000);
    assertTrue(String.join("\n", context.reportLines()).contains("## NPLM"));
  }
}
