package org.sbi4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provenance travels to cluster tasks inside their (Java-serialized) task objects, so that what
 * they write records the driver's run (docs/formats.md §16, §17): it must come back equal.
 */
class ProvenanceSerializationTest {
  @Test
  void roundTripsThroughJavaSerialization() throws Exception {
    Provenance p =
        Provenance.of(
                List.of("sbi4j", "protomodels", "build"),
                Map.of("seed", 7L),
                List.of(new Provenance.Input("/data/db", "ab".repeat(32))))
            .withRuntime("nd4jBackend", "cpu");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(p, in.readObject());
    }
  }
}
