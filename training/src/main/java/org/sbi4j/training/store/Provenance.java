package org.sbi4j.training.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.sbi4j.training.TrainingOutcome;
import org.sbi4j.training.internal.Nd4jRuntime;

/**
 * Where a model came from: software versions, the machine, seeds and the training input.
 *
 * @param sbi4jVersion version of sbi4j ("dev" when not run from a jar)
 * @param gitSha commit of the working tree the run started in, or null when unknown
 * @param java JVM vendor and version
 * @param os operating system and architecture
 * @param nd4jBackend ND4J backend class
 * @param seed the run's root seed
 * @param memberSeeds the ensemble members' seeds
 * @param trainingFile the training-sample file, or null when trained from memory
 * @param trainingFileSha256 SHA-256 of that file (hex), or null
 * @param createdAt ISO-8601 time of saving
 */
public record Provenance(
    String sbi4jVersion,
    String gitSha,
    String java,
    String os,
    String nd4jBackend,
    long seed,
    List<Long> memberSeeds,
    String trainingFile,
    String trainingFileSha256,
    String createdAt) {

  /** The provenance of {@code outcome}, trained from {@code trainingFile} (may be null). */
  public static Provenance of(TrainingOutcome outcome, Path trainingFile) {
    return new Provenance(
        version(),
        gitSha(Path.of("").toAbsolutePath()).orElse(null),
        System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        Nd4jRuntime.backend(),
        outcome.seed(),
        outcome.memberSeeds(),
        trainingFile == null ? null : trainingFile.toString(),
        trainingFile == null ? null : sha256(trainingFile),
        Instant.now().toString());
  }

  /** sbi4j's version from the jar manifest, or "dev". */
  public static String version() {
    String v = Provenance.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** SHA-256 of a file's bytes, hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + " to hash it: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }

  /**
   * The commit checked out in the git working tree containing {@code dir}, read from the .git files
   * (worktrees and packed refs included), without running git.
   */
  public static Optional<String> gitSha(Path dir) {
    try {
      for (Path d = dir; d != null; d = d.getParent()) {
        Path dotGit = d.resolve(".git");
        if (Files.isDirectory(dotGit)) {
          return resolveHead(dotGit, dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          String line = Files.readString(dotGit).trim();
          if (!line.startsWith("gitdir:")) {
            return Optional.empty();
          }
          Path gitDir = d.resolve(line.substring(7).trim()).normalize();
          Path common = gitDir;
          Path commonFile = gitDir.resolve("commondir");
          if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(Files.readString(commonFile).trim()).normalize();
          }
          return resolveHead(gitDir, common);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<String> resolveHead(Path gitDir, Path common) throws IOException {
    String head = Files.readString(gitDir.resolve("HEAD")).trim();
    if (!head.startsWith("ref:")) {
      return Optional.of(head);
    }
    String ref = head.substring(4).trim();
    for (Path base : List.of(gitDir, common)) {
      Path f = base.resolve(ref);
      if (Files.isRegularFile(f)) {
        return Optional.of(Files.readString(f).trim());
      }
    }
    Path packed = common.resolve("packed-refs");
    if (Files.isRegularFile(packed)) {
      for (String line : Files.readAllLines(packed)) {
        if (line.endsWith(" " + ref)) {
          return Optional.of(line.substring(0, line.indexOf(' ')));
        }
      }
    }
    return Optional.empty();
  }
}
