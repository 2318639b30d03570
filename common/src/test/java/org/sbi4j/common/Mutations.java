package org.sbi4j.common;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.Arrays;

/** The byte mutations the file-reader fuzz tests of samples and training apply to valid files. */
public final class Mutations {
  private Mutations() {}

  /** A copy of {@code valid} with up to 12 bytes overwritten, then perhaps truncated. */
  public static byte[] mutate(byte[] valid, FuzzedDataProvider data) {
    byte[] b = valid.clone();
    int edits = data.consumeInt(0, 12);
    for (int k = 0; k < edits; k++) {
      b[data.consumeInt(0, b.length - 1)] = data.consumeByte();
    }
    return data.consumeBoolean() ? Arrays.copyOf(b, data.consumeInt(0, b.length)) : b;
  }
}
