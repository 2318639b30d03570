package org.sbi4j.inference.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FigureTest {
  // The plot area is 80..775 × 40..540 pixels; its centre is the data point (0.5, 0.5) when both
  // ranges are fixed to [0, 1].
  private static final int CX = 80 + 695 / 2;
  private static final int CY = 40 + 500 / 2;

  private static BufferedImage render(Figure f) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(f.xRange(0, 1).yRange(0, 1).png()));
  }

  @Test
  void bandShadesInsideItsBinsOnly() throws IOException {
    double[] edges = {0, 0.5, 1};
    Figure f =
        new Figure("t", "x", "y")
            .histogram("h", edges, new double[] {0.1, 0.1})
            .histogramBand(edges, new double[] {0.4, 0.0}, new double[] {0.6, 0.05});
    BufferedImage img = render(f);
    // (0.25, 0.5): inside the first bin's band [0.4, 0.6] — tinted, not white
    int inside = img.getRGB(80 + 695 / 4, CY) & 0xffffff;
    assertNotEquals(0xffffff, inside);
    // (0.75, 0.5): above the second bin's band [0, 0.05] — white
    assertEquals(0xffffff, img.getRGB(80 + 3 * 695 / 4, CY) & 0xffffff);
    // the same figure without the band is white at the first point
    BufferedImage plain =
        render(new Figure("t", "x", "y").histogram("h", edges, new double[] {0.1, 0.1}));
    assertEquals(0xffffff, plain.getRGB(80 + 695 / 4, CY) & 0xffffff);
    assertEquals(0xffffff, plain.getRGB(CX, CY) & 0xffffff);
  }

  @Test
  void bandNeedsMatchingLengths() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Figure("t", "x", "y")
                .histogramBand(new double[] {0, 1}, new double[2], new double[2]));
  }
}
