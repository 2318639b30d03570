package org.sbi4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sbi4j info} on JSON files and folders (no HDF5, no training: fast). */
class FileInfoTest {
  @TempDir Path dir;

  @Test
  void pyhfWorkspaceIsToldByItsKeys() throws Exception {
    Path ws =
        Files.writeString(
            dir.resolve("ws.json"),
            """
            {"channels": [{"name": "sr", "samples": [{"name": "s"}, {"name": "b"}]},
                          {"name": "cr", "samples": [{"name": "b"}]}],
             "measurements": [{"name": "meas", "config": {"poi": "mu", "parameters": []}}],
             "observations": [{"name": "sr", "data": [1]}, {"name": "cr", "data": [2]}],
             "version": "1.0.0"}
            """);
    FileInfo i = FileInfo.of(ws, true);
    assertEquals("pyhf workspace", i.kind());
    assertEquals(List.of("sr", "cr"), i.shape().get("channels"));
    assertEquals(3, i.shape().get("samples"));
    assertEquals(List.of("meas"), i.shape().get("measurements"));
    assertNull(i.recorded());
    assertTrue(i.inputs().isEmpty());
  }

  @Test
  void jsonResultWithAProvenance() throws Exception {
    Path in = Files.writeString(dir.resolve("in.txt"), "abc");
    Path json =
        Files.writeString(
            dir.resolve("r.json"),
            "{\"events\": 3, \"provenance\": {\"tool\": \"sbi4j\", \"version\": \"9\","
                + " \"commit\": \"unknown\", \"dirty\": \"unknown\", \"commandLine\": [\"sbi4j\"],"
                + " \"seeds\": {\"seed\": 4}, \"inputs\": [{\"path\": \""
                + in.toAbsolutePath()
                + "\", \"sha256\":"
                // SHA-256 of "abc" (FIPS 180-2 example)
                + " \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}],"
                + " \"runtime\": {}, \"createdAt\": \"2026-01-01T00:00:00Z\"}}");
    FileInfo i = FileInfo.of(json, true);
    assertEquals("JSON result", i.kind());
    assertEquals(List.of("events"), i.shape().get("keys"));
    assertEquals(4L, i.recorded().seeds().get("seed"));
    assertEquals("unchanged", i.inputs().get(0).status());
    Files.writeString(in, "abd");
    assertEquals("changed", FileInfo.of(json, true).inputs().get(0).status());
    assertTrue(FileInfo.of(json, false).inputs().isEmpty(), "--no-check hashes nothing");
  }

  @Test
  void badInputsAreOneLineErrors() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("notamodel"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> FileInfo.of(folder, true))
            .getMessage()
            .contains("without model.json"));
    Path array = Files.writeString(dir.resolve("a.json"), "[1, 2]");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> FileInfo.of(array, true))
            .getMessage()
            .contains("not an object"));
    Path bad = Files.writeString(dir.resolve("b.json"), "{\"provenance\": {\"seeds\": [1, 2]}}");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> FileInfo.of(bad, true))
            .getMessage()
            .contains("malformed provenance"));
  }
}
