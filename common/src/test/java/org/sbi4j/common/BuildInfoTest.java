package org.sbi4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  /** The commit Maven recorded is the one git says the built tree is at. */
  @Test
  void commitIsTheBuiltCommit() throws Exception {
    BuildInfo b = BuildInfo.current();
    String resource =
        new String(
            BuildInfo.class.getResourceAsStream(BuildInfo.RESOURCE).readAllBytes(),
            StandardCharsets.ISO_8859_1);
    assertTrue(resource.contains("version=" + b.version()), resource);
    assertFalse(b.version().equals(BuildInfo.UNKNOWN), "the version is always filled in");
    String head = git("rev-parse", "HEAD");
    assumeTrue(head != null, "not built from a git clone: nothing to compare with");
    assertEquals(head, b.commit());
    assertTrue(b.dirty().equals("true") || b.dirty().equals("false"), b.dirty());
    assertTrue(b.builtAt().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), b.builtAt());
  }

  /** A build from a tree without git leaves the placeholders: read as unknown, not as text. */
  @Test
  void unfilledValuesAreUnknown() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.3");
    p.setProperty("commit", "${git.commit.id}");
    p.setProperty("dirty", "");
    BuildInfo b = BuildInfo.of(p);
    assertEquals(
        new BuildInfo("1.2.3", BuildInfo.UNKNOWN, BuildInfo.UNKNOWN, BuildInfo.UNKNOWN), b);
  }

  /** {@code git ARGS} in the module folder, or null when git or a clone is not there. */
  static String git(String... args) throws InterruptedException {
    Path module = Path.of("").toAbsolutePath();
    String[] cmd = new String[args.length + 1];
    cmd[0] = "git";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p = new ProcessBuilder(cmd).directory(module.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.getErrorStream().readAllBytes();
      return p.waitFor() == 0 && !out.isEmpty() ? out : null;
    } catch (IOException e) {
      return null;
    }
  }
}
