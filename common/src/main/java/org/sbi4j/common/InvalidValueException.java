package org.sbi4j.common;

/**
 * A bad or missing input value, named by a stable {@link #value() value name} ("luminosity",
 * "grid", "theta", "model"…). The message speaks of the value, the key or the file, never of how a
 * front end sets it: a front end (the CLI) maps the value name to its own option.
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String value;

  /**
   * @param value the stable name of the bad value
   * @param message what is wrong with it and how to fix it, in terms of the value
   */
  public InvalidValueException(String value, String message) {
    super(message);
    this.value = value;
  }

  /** The stable name of the bad value, e.g. {@code "luminosity"}. */
  public String value() {
    return value;
  }
}
