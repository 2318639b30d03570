package org.sbi4j.samples.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sbi4j.samples.Column;
import org.sbi4j.samples.EventSample;

class SampleFilesTest {
  @TempDir Path dir;

  @Test
  void trainingSampleRoundTripsAndH5pyReadsIt() throws Exception {
    List<String> params = List.of("c_a", "c_b");
    EventSample s =
        EventSample.ofFeatures(List.of("pt", "eta"), new double[] {1, 2, 3, 4, 5, 6})
            .withColumn(Column.THETA0, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}, params)
            .withColumn(Column.Y, new double[] {0, 1, 0}, params)
            .withColumn(Column.LOG_R_XZ, new double[] {-0.5, 0.25, 1.5}, params)
            .withColumn(Column.T_XZ0, new double[] {1, -1, 2, -2, 3, -3}, params);
    Path f = dir.resolve("train.h5");
    TrainingFiles.write(f, s);
    EventSample back = TrainingFiles.read(f);
    assertEquals(s.observables(), back.observables());
    assertEquals(params, back.parameterNames());
    assertEquals(s.columns(), back.columns());
    for (Column c : s.columns()) {
      assertArrayEquals(s.column(c), back.column(c), 0, c.datasetName());
    }
    assertArrayEquals(s.x(), back.x(), 0);
    String out =
        H5py.run(
            """
        import sys, h5py
        f = h5py.File(sys.argv[1], 'r')
        print(sorted(k for k in f.keys()), f['x'].shape, f['theta0'].shape, f['y'].shape,
              f['t_xz0'].dtype.str, [n.decode() for n in f['parameters/names'][()]])
        """,
            f.toString());
    assertEquals(
        "['log_r_xz', 'observables', 'parameters', 't_xz0', 'theta0', 'x', 'y'] (3, 2) "
            + "(3, 2) (3,) <f8 ['c_a', 'c_b']",
        out.trim());
  }

  @Test
  void trainingFileWrittenByH5pyWithoutNamesGetsNumberedColumns() throws Exception {
    Path f = dir.resolve("user.h5");
    H5py.run(
        """
        import sys, h5py, numpy as np
        with h5py.File(sys.argv[1], 'w') as f:
            f['x'] = np.arange(12.0).reshape(4, 3)
            f['theta0'] = np.arange(4.0).reshape(4, 1)
            f['y'] = np.array([0, 1, 0, 1], dtype='i4')
            f['log_r_xz'] = np.zeros((4, 2))
        """,
        f.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrainingFiles.read(f));
    assertTrue(e.getMessage().contains("log_r_xz (columns)"), e.getMessage());
    H5py.run(
        H5py.CHANGE
            + """
            del f['log_r_xz']
        """,
        f.toString());
    EventSample s = TrainingFiles.read(f);
    assertEquals(List.of("x0", "x1", "x2"), s.observables());
    assertEquals(List.of("theta_0"), s.parameterNames());
    assertArrayEquals(new double[] {0, 1, 0, 1}, s.column(Column.Y), 0);
  }

  @Test
  void plainSamplesFromH5AndCsv() throws Exception {
    EventSample s =
        EventSample.ofFeatures(List.of("a", "b"), new double[] {1, 2, 3, 4})
            .withColumn(Column.WEIGHT, new double[] {0.5, 1.5}, List.of());
    Path h5 = dir.resolve("plain.h5");
    PlainSamples.write(h5, s);
    EventSample back = PlainSamples.read(h5);
    assertArrayEquals(s.x(), back.x(), 0);
    assertArrayEquals(new double[] {0.5, 1.5}, back.column(Column.WEIGHT), 0);
    Path csv = dir.resolve("plain.csv");
    Files.writeString(csv, "a, weights ,b\n1,0.5,2\n\n3,1.5,4\n");
    EventSample c = PlainSamples.read(csv);
    assertEquals(List.of("a", "b"), c.observables());
    assertArrayEquals(s.x(), c.x(), 0);
    assertArrayEquals(new double[] {0.5, 1.5}, c.column(Column.WEIGHT), 0);
    Files.writeString(csv, "a,b\n1,2\n3,x\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PlainSamples.read(csv));
    assertTrue(e.getMessage().contains("line 3 field 2 ('x') is not a number"), e.getMessage());
  }
}
