package org.sbi4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The memory estimate refuses, before allocating, what cannot fit into the JVM's heap. */
class MemoryBudgetTest {
  @Test
  void whatFitsPassesAndWhatDoesNotNamesTheEstimateAndTheFix() {
    MemoryBudget.require("grid", "grid points", 1000, 104, "use fewer points");
    long tooMany = MemoryBudget.available() / 8 + 1;
    InvalidValueException e =
        assertThrows(
            InvalidValueException.class,
            () -> MemoryBudget.require("grid", "grid points", tooMany, 8, "use fewer points"));
    assertEquals("grid", e.value());
    assertTrue(e.getMessage().startsWith(tooMany + " grid points need about "), e.getMessage());
    assertTrue(e.getMessage().contains("use fewer points, or raise the JVM limit"), e.getMessage());
    assertTrue(e.getMessage().contains("SBI4J_JAVA_OPTS=-Xmx"), e.getMessage());
  }

  @Test
  void sizesReadAsBinaryUnits() {
    assertEquals("512 B", MemoryBudget.size(512));
    assertEquals("1.50 KiB", MemoryBudget.size(1536));
    assertEquals("96.9 GiB", MemoryBudget.size(1e9 * 104));
  }
}
