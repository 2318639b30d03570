package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * Seeded corruption of valid files: every damaged file must either load or fail with an
 * IllegalArgumentException (one clear line), never another exception, a hang or an allocation sized
 * from a corrupt header.
 */
class CorruptFilesTest {
  @TempDir Path dir;

  private void mutateAndRead(byte[] valid, int trials, long seed, Consumer<Path> reader)
      throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    Path f = dir.resolve("mutant");
    for (int t = 0; t < trials; t++) {
      byte[] b = valid.clone();
      int flips = 1 + rng.nextInt(8);
      for (int k = 0; k < flips; k++) {
        b[rng.nextInt(b.length)] = (byte) rng.nextInt(256);
      }
      if (rng.nextInt(4) == 0) {
        b = Arrays.copyOf(b, rng.nextInt(b.length));
      }
      Files.write(f, b);
      try {
        reader.accept(f);
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
      } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
        fail("trial " + t + ": " + e, e);
      }
    }
  }

  @Test
  void corruptEventFilesFailCleanly() throws Exception {
    Path good = dir.resolve("good.h5");
    MadMinerFiles.writeEvents(good, new Interference1D().events(300, 1));
    mutateAndRead(
        Files.readAllBytes(good),
        300,
        17,
        f -> {
          try (EventFile in = MadMinerFiles.open(f)) {
            in.read(0, (int) Math.min(in.size(), 1000));
          }
        });
  }

  @Test
  void corruptLheFilesFailCleanly() throws Exception {
    Path mapping = dir.resolve("lhe-import.yaml");
    Files.copy(Path.of("..", "configs", "setup.yaml"), dir.resolve("setup.yaml"));
    Files.writeString(mapping, ImportTest.SINGLE_FILE_MAPPING);
    String four = "<wgt id='rwgt_4'> 5.0e-01 </wgt>";
    byte[] valid =
        (ImportTest.HEADER
                + ImportTest.event(0.1, four)
                + ImportTest.event(0.2, four)
                + "</LesHouchesEvents>\n")
            .getBytes(StandardCharsets.UTF_8);
    mutateAndRead(valid, 300, 23, f -> LheImport.read(f, mapping));
  }

  @Test
  void wrongDtypeIsNamed() throws Exception {
    Path f = dir.resolve("strings.h5");
    H5py.run(
        H5py.ONE_PARAMETER
            + """
            f.create_dataset('benchmarks/values', data=np.array([[b'0'], [b'1'], [b'-1']], dtype='S8'))
        """,
        f.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MadMinerFiles.readSetup(f));
    assertTrue(
        e.getMessage().contains("'benchmarks/values'")
            && e.getMessage().contains("numbers are expected"),
        e.getMessage());
  }
}
