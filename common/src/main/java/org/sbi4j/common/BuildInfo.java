package org.sbi4j.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What build of sbi4j is running: version, git commit, whether the working tree had uncommitted
 * changes, and when it was built. Maven writes these into {@code build.properties} beside this
 * class at build time (common/pom.xml), so they describe the build, never the directory the user
 * runs sbi4j in. A build from a source tree without git records {@link #UNKNOWN}.
 *
 * @param version sbi4j's version
 * @param commit full SHA-1 of the commit built, or {@link #UNKNOWN}
 * @param dirty "true" when the built tree had uncommitted changes, "false", or {@link #UNKNOWN}
 * @param builtAt ISO-8601 UTC time of the build, or {@link #UNKNOWN}
 */
public record BuildInfo(String version, String commit, String dirty, String builtAt) {
  /** The value of a field the build could not determine. */
  public static final String UNKNOWN = "unknown";

  /** Resource (next to this class) that Maven fills in. */
  static final String RESOURCE = "build.properties";

  private static final BuildInfo CURRENT = load();

  /** The running build. */
  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // unreadable resource: every field is unknown, as for a build without it
    }
    return of(p);
  }

  /**
   * The build described by {@code p}; a missing, empty or unfilled ({@code ${...}}) value is {@link
   * #UNKNOWN}.
   */
  static BuildInfo of(Properties p) {
    return new BuildInfo(
        value(p, "version"), value(p, "commit"), value(p, "dirty"), value(p, "built"));
  }

  private static String value(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() || v.contains("${") ? UNKNOWN : v.trim();
  }
}
