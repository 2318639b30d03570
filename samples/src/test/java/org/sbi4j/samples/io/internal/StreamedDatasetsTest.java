package org.sbi4j.samples.io.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets grown in place and written in blocks, out of order, read back by jhdf. */
class StreamedDatasetsTest {
  @TempDir Path dir;

  @Test
  void blocksWrittenInAnyOrderReadBackExactly() {
    // 300 000 × 2 doubles (4.8 MB) and 300 000 int64: several 1 MiB writes per block
    int n = 300_000;
    Path f = dir.resolve("s.h5");
    StreamedDatasets.write(
        f,
        out -> out.strings("names", List.of("a", "b")),
        List.of(
            new StreamedDatasets.Spec("g/m", n, 2, false),
            new StreamedDatasets.Spec("g/v", n, 0, true)),
        regions -> {
          int half = n / 2;
          for (int block = 1; block >= 0; block--) {
            int from = block * half;
            double[] m = new double[half * 2];
            long[] v = new long[half];
            for (int i = 0; i < half; i++) {
              m[2 * i] = from + i;
              m[2 * i + 1] = -(from + i) / 3.0;
              v[i] = 7L * (from + i);
            }
            regions.get(0).write(from, m, half);
            regions.get(1).write(from, v, half);
          }
        });
    try (HdfFile h5 = new HdfFile(f)) {
      assertArrayEquals(new int[] {n, 2}, h5.getDatasetByPath("g/m").getDimensions());
      double[][] m = (double[][]) h5.getDatasetByPath("g/m").getData();
      long[] v = (long[]) h5.getDatasetByPath("g/v").getData();
      for (int i = 0; i < n; i += 997) {
        assertEquals(i, m[i][0], 0);
        assertEquals(-i / 3.0, m[i][1], 0);
        assertEquals(7L * i, v[i]);
      }
      assertEquals(-(n - 1) / 3.0, m[n - 1][1], 0);
      assertEquals("b", ((String[]) h5.getDatasetByPath("names").getData())[1].trim());
    }
  }
}
