package org.sbi4j.samples.io;

import static org.sbi4j.common.Mutations.mutate;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sbi4j.morphing.MorphingSetup;
import org.sbi4j.morphing.NuisanceMorphing;
import org.sbi4j.samples.simulators.Interference1D;

/**
 * Coverage-guided fuzzing (Jazzer) of the HDF5 event reader and the LHE reader: the fuzzer mutates
 * valid files (byte overwrites and truncation chosen from its input); each read must either succeed
 * or fail with an IllegalArgumentException. Anything else is a finding.
 *
 * <p>{@code mvn test} runs the regression inputs only; fuzzing is {@code JAZZER_FUZZ=1 mvn -o -pl
 * samples -am test -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false} (15-20 s per
 * target, {@code maxDuration} below).
 */
class ReaderFuzzTest {
  private static final byte[] EVENT_FILE = validEventFile(new Interference1D());
  private static final byte[] NUISANCE_FILE = validEventFile(Interference1D.withNuisances());
  private static final byte[] LHE_FILE =
      (ImportTest.HEADER
              + ImportTest.event(0.1, "<wgt id='rwgt_4'> 5.0e-01 </wgt>")
              + "</LesHouchesEvents>\n")
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] CSV_IMPORT =
      ("pt_j1,w_sm,w_1,w_2,w_3,w_4,w_5,dphi_jj,benchmark\n"
              + "1.5,1,2,3,4,5,6,0.1,0\n2.5e1,0.5,1,1,1,1,1,-0.2,-1\n")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] CSV_PLAIN =
      "a,b,weights\n1,2,0.5\n-3.5e2,4,1\n".getBytes(StandardCharsets.UTF_8);
  private static final CsvImport.Mapping CSV_MAPPING =
      Configs.load(Path.of("..", "configs", "csv-import.yaml"), CsvImport.Mapping.class);

  private static final MorphingSetup SETUP =
      SetupFiles.load(Path.of("..", "configs", "setup.yaml"));
  private static final LheMapping MAPPING = singleFileMapping();

  private static LheMapping singleFileMapping() {
    try {
      Path f = Files.createTempFile("sbi4j-fuzz", ".yaml");
      Files.writeString(f, ImportTest.SINGLE_FILE_MAPPING);
      LheMapping m = Configs.load(f, LheMapping.class);
      Files.delete(f);
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] validEventFile(Interference1D process) {
    try {
      Path dir = Files.createTempDirectory("sbi4j-fuzz");
      Path f = dir.resolve("seed.h5");
      MadMinerFiles.writeEvents(f, process.events(50, 1));
      byte[] b = Files.readAllBytes(f);
      Files.delete(f);
      Files.delete(dir);
      return b;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A reader under test. */
  private interface Reader {
    void read(Path f) throws IOException;
  }

  /**
   * Writes a mutated copy of {@code valid} to a temp file and reads it: a clean read or an
   * IllegalArgumentException passes, anything else propagates as a finding.
   */
  private static void readMutated(
      String suffix, byte[] valid, FuzzedDataProvider data, Reader reader) throws IOException {
    Path f = Files.createTempFile("sbi4j-fuzz", suffix);
    Files.write(f, mutate(valid, data));
    try {
      reader.read(f);
    } catch (IllegalArgumentException expected) {
      // a clear error is the right answer to a damaged file
    } finally {
      Files.deleteIfExists(f);
    }
  }

  @FuzzTest(maxDuration = "20s")
  void eventFile(FuzzedDataProvider data) throws IOException {
    readMutated(
        ".h5",
        EVENT_FILE,
        data,
        f -> {
          try (EventFile in = MadMinerFiles.open(f)) {
            in.read(0, (int) Math.min(in.size(), 100));
          }
        });
  }

  @FuzzTest(maxDuration = "20s")
  void eventFileWithNuisances(FuzzedDataProvider data) throws IOException {
    readMutated(
        ".h5",
        NUISANCE_FILE,
        data,
        f -> {
          try (EventFile in = MadMinerFiles.open(f)) {
            in.checkNuisances(NuisanceMorphing.Policy.CLAMP);
            in.read(0, (int) Math.min(in.size(), 100));
            in.systematics();
          }
        });
  }

  @FuzzTest(maxDuration = "20s")
  void lheFile(FuzzedDataProvider data) throws IOException {
    readMutated(".lhe", LHE_FILE, data, f -> LheImport.read(f, SETUP, MAPPING));
  }

  @FuzzTest(maxDuration = "15s")
  void csvImport(FuzzedDataProvider data) throws IOException {
    readMutated(".csv", CSV_IMPORT, data, f -> CsvImport.read(f, SETUP, CSV_MAPPING));
  }

  @FuzzTest(maxDuration = "15s")
  void csvPlain(FuzzedDataProvider data) throws IOException {
    readMutated(".csv", CSV_PLAIN, data, PlainSamples::read);
  }
}
