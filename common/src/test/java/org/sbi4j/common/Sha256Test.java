package org.sbi4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  @TempDir Path dir;

  /** FIPS 180-2 example "abc" (a published digest). */
  @Test
  void publishedVector() throws IOException {
    Path f = Files.writeString(dir.resolve("abc"), "abc", StandardCharsets.US_ASCII);
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.file(f));
  }

  /** A file larger than the read buffer, against sha256sum; a one-byte change changes it. */
  @Test
  void largeFileAgreesWithSha256sum() throws Exception {
    byte[] data = new byte[300_001];
    new Random(7).nextBytes(data);
    Path f = Files.write(dir.resolve("big.bin"), data);
    String ours = Sha256.file(f);
    String theirs = shell("sha256sum big.bin | cut -d' ' -f1");
    assumeTrue(theirs != null, "sha256sum not installed");
    assertEquals(theirs, ours);
    data[150_000] ^= 1;
    Files.write(f, data);
    assertNotEquals(ours, Sha256.file(f));
  }

  /** The folder digest is the documented sha256sum listing, hashed. */
  @Test
  void folderAgreesWithTheDocumentedListing() throws Exception {
    Path d = Files.createDirectories(dir.resolve("model/sub"));
    Files.writeString(d.resolve("b.txt"), "second\n");
    Files.writeString(dir.resolve("model/a.json"), "{}\n");
    Files.writeString(dir.resolve("model/Z"), "upper case sorts first\n");
    String theirs =
        shell(
            "cd model && find . -type f | sed 's|^./||' | LC_ALL=C sort | xargs sha256sum"
                + " | awk '{print $2\"  \"$1}' | sha256sum | cut -d' ' -f1");
    assumeTrue(theirs != null, "sha256sum not installed");
    String ours = Sha256.folder(dir.resolve("model"));
    assertEquals(theirs, ours);
    assertEquals(ours, Sha256.of(dir.resolve("model")));
    Files.move(d.resolve("b.txt"), d.resolve("c.txt"));
    assertNotEquals(ours, Sha256.folder(dir.resolve("model")), "a renamed file changes it");
  }

  private String shell(String command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder("sh", "-c", command).directory(dir.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 && out.matches("[0-9a-f]{64}") ? out : null;
    } catch (IOException e) {
      return null;
    }
  }
}
