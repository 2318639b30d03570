package org.sbi4j.cli.quickstart;

/** One step of the quickstart; stages run in order and share a {@link QuickstartContext}. */
public interface Stage {
  /** Short name for progress lines and the report. */
  String name();

  /** Runs the stage, writing artefacts under {@link QuickstartContext#out()} and report lines. */
  void run(QuickstartContext context) throws Exception;
}
