package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.common.InvalidValueException;
import org.sbi4j.morphing.NuisanceParameter;
import org.sbi4j.morphing.Nuisances;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;
import org.sbi4j.samples.io.internal.H5Writer;
import org.sbi4j.samples.steps.JointMining;

/** Training-sample files over (θ, ν) written by hand: the layout and its bad inputs. */
class NuisanceTrainingFilesTest {
  @TempDir Path dir;

  /** Two rows, one θ, one ν: theta0, nu0, t_xz0 (2 columns), parameters and nuisance names. */
  private Path file(boolean nu0, List<String> theta, List<String> nuisances) {
    Path f = dir.resolve("t.h5");
    H5Writer.write(
        f,
        out -> {
          out.matrix("x", new double[] {0.1, 0.2}, 1);
          out.matrix("theta0", new double[] {0.5, -0.5}, 1);
          if (nu0) {
            out.matrix("nu0", new double[] {1.5, -2}, 1);
          }
          out.matrix("t_xz0", new double[] {1, 2, 3, 4}, 2);
          out.strings("parameters/names", theta);
          if (!nuisances.isEmpty()) {
            out.strings("nuisance_names", nuisances);
          }
        });
    return f;
  }

  @Test
  void thetaAndNuAreJoinedOnReading() {
    EventSample s = TrainingFiles.read(file(true, List.of("c"), List.of("lumi")));
    assertEquals(List.of("c", "lumi"), s.parameterNames());
    assertArrayEquals(new double[] {0.5, 1.5, -0.5, -2}, s.column(Column.THETA0), 0);
    assertArrayEquals(new double[] {1, 2, 3, 4}, s.column(Column.T_XZ0), 0);
  }

  @Test
  void missingNuOrClashingNamesAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainingFiles.read(file(false, List.of("c"), List.of("lumi"))));
    assertTrue(e.getMessage().contains("no 'nu0'"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainingFiles.read(file(true, List.of("c"), List.of("c"))));
    assertTrue(e.getMessage().contains("has the name of a parameter θ"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainingFiles.read(file(true, List.of("c"), List.of())));
    assertTrue(e.getMessage().contains("no dataset 'nuisance_names'"), e.getMessage());
  }

  @Test
  void requestedNuIsCheckedAgainstTheFilesNuisances() {
    Nuisances two =
        new Nuisances(
            List.of(
                new NuisanceParameter("a", "a_up", null),
                new NuisanceParameter("b", "b_up", "b_down")),
            List.of("a_up", "b_up", "b_down"),
            "sm");
    assertArrayEquals(new double[] {0, 0}, JointMining.resolve("nu0", null, two), 0);
    assertArrayEquals(
        new double[] {1, -1}, JointMining.resolve("nu0", new double[] {1, -1}, two), 0);
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class, () -> JointMining.resolve("nu1", new double[] {1}, two));
    assertEquals("nu1", e.value());
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
    e =
        assertThrows(
            InvalidValueException.class,
            () -> JointMining.resolve("nu0", new double[] {1}, Nuisances.NONE));
    assertTrue(e.getMessage().contains("declares no nuisance parameters"), e.getMessage());
    assertEquals(null, JointMining.resolve("nu0", null, Nuisances.NONE));
  }
}
