package org.sbi4j.inference.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WilksTest {
  // Reference values: χ² quantiles from the closed forms F_{χ²_1}(q) = erf(√(q/2)) and
  // F_{χ²_2}(q) = 1 − e^{−q/2}; the inverse is computed numerically by the library, so 1e-9.
  @Test
  void thresholdsAreTheTextbookValues() {
    assertEquals(1.0, Wilks.threshold(Wilks.CL68, 1), 1e-9);
    assertEquals(3.841458820694124, Wilks.threshold(Wilks.CL95, 1), 1e-9);
    assertEquals(-2 * Math.log(1 - Wilks.CL68), Wilks.threshold(Wilks.CL68, 2), 1e-9);
    assertEquals(-2 * Math.log(0.05), Wilks.threshold(Wilks.CL95, 2), 1e-9);
    assertEquals(2.30, Wilks.threshold(Wilks.CL68, 2), 5e-3);
    assertEquals(5.99, Wilks.threshold(Wilks.CL95, 2), 5e-3);
  }

  @Test
  void pValuesAtKnownPoints() {
    assertEquals(1.0, Wilks.pValue(0, 1), 1e-15);
    assertEquals(1 - Wilks.CL68, Wilks.pValue(1.0, 1), 1e-12);
    assertEquals(0.05, Wilks.pValue(3.841458820694124, 1), 1e-12);
    for (double q : new double[] {0.1, 2.3, 5.99, 20}) {
      assertEquals(Math.exp(-q / 2), Wilks.pValue(q, 2), 1e-14 + 1e-12 * Math.exp(-q / 2));
    }
  }

  @Test
  void badInputsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Wilks.pValue(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> Wilks.pValue(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> Wilks.threshold(1.2, 1));
    assertThrows(IllegalArgumentException.class, () -> Wilks.threshold(0.5, 0));
  }
}
