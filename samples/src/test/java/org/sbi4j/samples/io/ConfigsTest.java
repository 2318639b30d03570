package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken YAML: every failure is one clear line naming the file and the key path. */
class ConfigsTest {
  @TempDir Path dir;

  record Inner(String name, double[] range) {}

  record Outer(java.util.List<Inner> items, Integer count) {}

  private String failure(String yaml) throws IOException {
    Path f = dir.resolve("c.yaml");
    Files.writeString(f, yaml);
    var e = assertThrows(IllegalArgumentException.class, () -> Configs.load(f, Outer.class));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void bindsRecords() throws IOException {
    Path f = dir.resolve("ok.yaml");
    Files.writeString(f, "items:\n  - {name: a, range: [0, 1]}\ncount: 3\n");
    Outer o = Configs.load(f, Outer.class);
    assertEquals(3, o.count());
    assertEquals("a", o.items().get(0).name());
  }

  static Stream<Arguments> brokenDocuments() {
    return Stream.of(
        Arguments.of(
            "unknown key names its path",
            "items:\n  - {name: a, rnage: [0, 1]}\n",
            "unknown key 'items[0].rnage'"),
        Arguments.of("wrong type names its path", "count: many\n", "'count'"),
        Arguments.of("malformed YAML", "items: [ {name: a\n", "malformed YAML"),
        Arguments.of("empty document", "", "the document is empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenDocuments")
  void brokenDocumentFailsWithItsReason(String what, String yaml, String reason)
      throws IOException {
    String m = failure(yaml);
    assertTrue(m.contains(reason), m);
  }

  @Test
  void aliasBombIsRefusedBeforeItExpands() throws IOException {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int k = 0; k < 10; k++) {
        yaml.append(k == 0 ? "" : ", ").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    // 10^10 leaves if expanded; the parser's alias limit must stop it at once
    long start = System.nanoTime();
    failure(yaml.toString());
    assertTrue(System.nanoTime() - start < 10_000_000_000L, "took too long to refuse");
  }

  @Test
  void hugeDocumentIsRefusedByItsSize() throws IOException {
    Path f = dir.resolve("huge.yaml");
    Files.writeString(f, "count: 1\n" + "#".repeat((int) Configs.MAX_BYTES) + "\n");
    var e = assertThrows(IllegalArgumentException.class, () -> Configs.load(f, Outer.class));
    assertTrue(e.getMessage().contains("larger than"), e.getMessage());
  }

  @Test
  void missingFile() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Configs.load(dir.resolve("none.yaml"), Outer.class));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
  }

  /**
   * Regression (found by LoaderFuzzTest#config): an empty list entry was a NullPointerException.
   */
  @Test
  void emptyListEntriesInASetupAreNamed() {
    var b =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Configs.parse(
                        "parameters: [{name: a, range: [0, 1]}]\nbenchmarks:\n  -\n",
                        SetupYaml.class)
                    .toSetup());
    assertEquals("benchmarks[0] is empty; give its name and theta", b.getMessage());
    var p =
        assertThrows(
            IllegalArgumentException.class,
            () -> Configs.parse("parameters:\n  - null\n", SetupYaml.class).toSetup());
    assertEquals("parameters[0] is empty; give its name and range", p.getMessage());
  }
}
