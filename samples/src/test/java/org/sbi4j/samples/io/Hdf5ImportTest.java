package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sbi4j.common.LheText;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.samples.EventSample;

/**
 * {@link Hdf5Import} on a table written by h5py 3.7 (numpy 1.24), {@code hdf5-table.h5} beside this
 * class, made by:
 *
 * <pre>
 * import h5py, numpy as np
 * i = np.arange(10)
 * with h5py.File("hdf5-table.h5", "w", libver="earliest") as f:
 *     f["x"] = np.stack([1.5 * i, -0.25 * i], axis=1)
 *     f["pt"] = (i + 0.5).astype(np.float32)
 *     f["weights"] = np.outer(i + 1, [1, 2, 3]) * 0.125
 *     f.create_dataset("chunked/w", data=(i + 1) * 0.375, chunks=(3,), compression="gzip")
 *     f["benchmark"] = (i % 4 - 1).astype(np.int64)
 *     f["n_int"] = (2 * i).astype(np.int32)
 *     f["bad/nan"] = np.where(i == 7, np.nan, 1.0)
 *     f["bad/inf"] = np.where(i == 3, -np.inf, 1.0)
 *     f["bad/short"] = np.ones(9)
 *     f["bad/strings"] = np.array([b"a"] * 10)
 *     f["bad/scalar"] = 1.0
 *     f["bad/cube"] = np.ones((10, 2, 2))
 *     f["bad/sampled"] = np.where(i == 5, 0.5, 0.0)
 *     f["bad/empty"] = np.ones(0)
 *     f["bad/compound"] = np.array([(1.0, 2)] * 10, dtype=[("a", "f8"), ("b", "i4")])
 *     f["bad/bool"] = np.ones(10, dtype=bool)
 *     f.create_group("bad/group")
 * </pre>
 *
 * Every value is a multiple of 1/8 (exact in float32 and float64), so the comparisons are exact.
 */
class Hdf5ImportTest {
  static final Path TABLE =
      Path.of("src/test/resources/org/sbi4j/samples/io/hdf5-table.h5").toAbsolutePath();

  @TempDir static Path dir;

  static MorphingSetup SETUP;

  @BeforeAll
  static void setup() throws IOException {
    SETUP = SetupFiles.load(Files.writeString(dir.resolve("setup.yaml"), LheText.SETUP));
  }

  static CsvImport.Mapping mapping(Map<String, String> obs, String sm, String sampled) {
    LinkedHashMap<String, String> o = new LinkedHashMap<>(obs);
    LinkedHashMap<String, String> w = new LinkedHashMap<>();
    w.put("sm", sm);
    w.put("plus", "/weights[1]");
    w.put("minus", "weights[2]");
    return new CsvImport.Mapping("setup.yaml", o, w, sampled);
  }

  static CsvImport.Mapping good() {
    LinkedHashMap<String, String> o = new LinkedHashMap<>();
    o.put("a", "/x[1]");
    o.put("pt", "/pt");
    o.put("n", "/n_int");
    o.put("b", "/x[0]");
    return mapping(o, "/chunked/w", "/benchmark");
  }

  /**
   * 10 rows in blocks of 1, 3 (a partial last block, chunk edges crossed), 4, 10 and the default.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 10, Hdf5Import.BLOCK})
  void readsEveryValueOfTheH5pyTable(int block) {
    EventSample s = Hdf5Import.read(TABLE, SETUP, good(), block);
    assertEquals(java.util.List.of("a", "pt", "n", "b"), s.observables());
    assertEquals(10, s.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(-0.25 * i, s.x()[i * 4], 0, "a row " + i);
      assertEquals(i + 0.5, s.x()[i * 4 + 1], 0, "pt row " + i);
      assertEquals(2 * i, s.x()[i * 4 + 2], 0, "n row " + i);
      assertEquals(1.5 * i, s.x()[i * 4 + 3], 0, "b row " + i);
      assertEquals((i + 1) * 0.375, s.weight(i, 0), 0, "sm row " + i);
      assertEquals((i + 1) * 2 * 0.125, s.weight(i, 1), 0, "plus row " + i);
      assertEquals((i + 1) * 3 * 0.125, s.weight(i, 2), 0, "minus row " + i);
      assertEquals(i % 4 - 1, s.sampledFrom().orElseThrow()[i], "sampledFrom row " + i);
    }
  }

  @Test
  void withoutSampledFromEveryEventIsBackground() {
    CsvImport.Mapping m = mapping(Map.of("pt", "/pt"), "/weights[0]", null);
    EventSample s = Hdf5Import.read(TABLE, SETUP, m, 4);
    for (int i = 0; i < 10; i++) {
      assertEquals(-1, s.sampledFrom().orElseThrow()[i]);
      assertEquals((i + 1) * 0.125, s.weight(i, 0), 0);
    }
  }

  static String error(String obs, String sampled) {
    CsvImport.Mapping m = mapping(Map.of("o", obs), "/weights[0]", sampled);
    return assertThrows(IllegalArgumentException.class, () -> Hdf5Import.read(TABLE, SETUP, m, 4))
        .getMessage();
  }

  static void has(String message, String fragment) {
    assertTrue(message.contains(fragment), message);
  }

  @Test
  void badDatasetsAreNamedWithTheirRow() {
    has(error("/bad/nan", null), "'/bad/nan' (observables.o) row 7 is NaN");
    has(error("/bad/inf", null), "row 3 is -Infinity");
    has(error("/bad/short", null), "has 10 rows but '/bad/short' (observables.o) has 9;");
    has(error("/bad/strings", null), "holds strings");
    has(error("/bad/scalar", null), "is a scalar");
    has(
        error("/bad/compound", null),
        "'/bad/compound' (named by observables.o) does not hold plain");
    has(error("/bad/bool", null), "does not hold plain numbers");
    has(error("/bad/cube", null), "3 dimensions");
    has(error("/bad/group", null), "has no dataset '/bad/group'");
    has(error("/missing", null), "has no dataset '/missing'");
    has(error("/x", null), "has 2 columns; name one as /x[0]");
    has(error("/x[2]", null), "names column 2 of dataset '/x', which has 2");
    has(error("/bad/empty", null), "/bad/empty");
    has(error("/pt", "/bad/sampled"), "row 5 is 0.5; it must be a benchmark index");
    has(error("/pt", "/n_int"), "row 2 is 4.0; it must be a benchmark index 0..2 or -1");
  }
}
