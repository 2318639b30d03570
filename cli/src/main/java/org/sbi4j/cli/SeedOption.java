package org.sbi4j.cli;

import picocli.CommandLine.Option;

/** The {@code --seed} of a command that draws random numbers. */
public final class SeedOption {
  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long value;
}
