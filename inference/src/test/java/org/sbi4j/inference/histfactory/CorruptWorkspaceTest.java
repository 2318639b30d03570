package org.sbi4j.inference.histfactory;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 400 seeded random corruptions of a workspace with every modifier (characters replaced, deleted,
 * digits and quotes swapped): each one either builds a model whose CLs can be computed, or fails
 * with one {@link IllegalArgumentException} line; nothing else escapes.
 */
class CorruptWorkspaceTest {
  private static final String ALPHABET = "0123456789-.,:[]{}\"e nulltrue";

  @Test
  void corruptionsLoadOrFailWithOneLine() throws IOException {
    String original = Files.readString(PyhfLogPdfTest.FILE);
    SplittableRandom rng = new SplittableRandom(14);
    for (int trial = 0; trial < 400; trial++) {
      StringBuilder s = new StringBuilder(original);
      int edits = 1 + rng.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = rng.nextInt(s.length());
        if (rng.nextBoolean()) {
          s.setCharAt(at, ALPHABET.charAt(rng.nextInt(ALPHABET.length())));
        } else {
          s.deleteCharAt(at);
        }
      }
      String json = s.toString();
      try {
        HistFactoryModel model = HistFactoryModel.of(WorkspaceJson.parse(json));
        new Fitter(model).fit(model.observedData());
      } catch (IllegalArgumentException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
      }
    }
  }
}
