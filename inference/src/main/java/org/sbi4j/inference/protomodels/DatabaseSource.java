package org.sbi4j.inference.protomodels;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a task finds its database: a database folder, or a fake of it (docs/math.md §9.6). Tasks
 * carry this instead of the database, so that Spark executors read the folder themselves.
 *
 * @param dir the database folder
 * @param digest SHA-256 of the folder's files, which checkpoints record
 * @param fake whether the observations are redrawn
 * @param fakeSeed the seed of {@link Database#fake} when {@code fake}
 */
public record DatabaseSource(String dir, String digest, boolean fake, long fakeSeed)
    implements Serializable {
  /** The database in {@code dir} as it is. */
  public static DatabaseSource of(Path dir) {
    return new DatabaseSource(dir.toAbsolutePath().toString(), digest(dir), false, 0);
  }

  /** The fake of this database drawn with {@code seed}. */
  public DatabaseSource faked(long seed) {
    return new DatabaseSource(dir, digest, true, seed);
  }

  /** Databases this JVM loaded last (the walkers of one run share theirs; immutable). */
  private static final Map<DatabaseSource, Database> LOADED =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DatabaseSource, Database> eldest) {
          return size() > 4;
        }
      };

  /** Reads the database (and redraws it for a fake); the last few are kept for reuse. */
  public Database load() {
    synchronized (LOADED) {
      Database cached = LOADED.get(this);
      if (cached != null) {
        return cached;
      }
    }
    Database db = DatabaseJson.read(Path.of(dir));
    Database out = fake ? db.fake(fakeSeed) : db;
    synchronized (LOADED) {
      LOADED.put(this, out);
    }
    return out;
  }

  /**
   * SHA-256 over the relative paths and contents of every file below {@code dir}, sorted, except
   * the top-level {@code provenance.json}: a database written again with the same content keeps its
   * identity, and its checkpoints.
   */
  static String digest(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "database " + dir + " is not a folder (a database is a folder with database.json)");
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      Path provenance = dir.resolve(DatabaseJson.PROVENANCE);
      List<Path> files =
          walk.filter(Files::isRegularFile).filter(f -> !f.equals(provenance)).sorted().toList();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : files) {
        md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read database " + dir + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
