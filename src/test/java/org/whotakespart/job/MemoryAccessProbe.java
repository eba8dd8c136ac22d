package org.whotakespart.job;

/** Prints why Comet's memory cannot work in this JVM, or "ok": run by CometEngineTest. */
public final class MemoryAccessProbe {
  private MemoryAccessProbe() {}

  public static void main(String[] args) {
    System.out.println(CometEngine.cannotReachMemory().orElse("ok"));
  }
}
