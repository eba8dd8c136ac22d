package org.whotakespart.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.whotakespart.ingest.InputException;

class SideTaskTest {
  @Test
  void joinGivesTheResultComputedOnAnotherThread() {
    try (SideTask<String> task = SideTask.start("name", () -> Thread.currentThread().getName())) {
      assertEquals("who-takes-part-name", task.join());
    }
  }

  @Test
  void aFailureIsThrownByJoinUnchangedSoItsMessageAndExitCodeSurvive() {
    InputException failure = new InputException("projects.csv: fix it");
    try (SideTask<Void> task =
        SideTask.start(
            "fails",
            () -> {
              throw failure;
            })) {
      assertSame(failure, assertThrows(InputException.class, task::join));
    }
  }

  @Test
  void aCheckedFailureIsWrappedWithItsCause() {
    java.io.IOException cause = new java.io.IOException("disk full");
    try (SideTask<Void> task =
        SideTask.start(
            "io",
            () -> {
              throw cause;
            })) {
      IllegalStateException e = assertThrows(IllegalStateException.class, task::join);
      assertSame(cause, e.getCause());
      assertTrue(e.getMessage().contains("disk full"), e.getMessage());
    }
  }

  @Test
  void closingWithoutJoinStopsTheWorkAndWaitsForIt() throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    SideTask<Void> task =
        SideTask.start(
            "long",
            () -> {
              started.countDown();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                stopped.set(true);
              }
              return null;
            });
    started.await();
    long t0 = System.nanoTime();
    task.close();
    assertTrue(stopped.get(), "the work saw the interrupt and ended before close returned");
    assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
