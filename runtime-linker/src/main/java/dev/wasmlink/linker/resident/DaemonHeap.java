package dev.wasmlink.linker.resident;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * How the daemon keeps its heap between links. A link allocates a lot (100-200 MB for a large program) and holds much
 * of it to its end; when a collection falls in the middle of a link, the collector copies everything the link still
 * holds, and what it copies twice lands in the old generation, which then fills with dead links until a slow mixed
 * collection (measured on bench's generated link: 200-1300 ms a link and a 3.8 GB heap, where the link itself takes
 * 140 ms). So the daemon collects when its last running link has ended: everything is garbage then, the collection
 * takes 15-25 ms (measured on emscripten-mt) and falls after the client has its answer, and the next link starts with
 * an empty young generation large enough for all it allocates (the launcher's -Xmn). While links come, full
 * collections keep the heap's size (MaxHeapFreeRatio=100 at the start); once they stop for a while,
 * {@link #returnToSystem} shrinks it.
 */
final class DaemonHeap {
  private static final String MIN_FREE = "MinHeapFreeRatio";
  private static final String MAX_FREE = "MaxHeapFreeRatio";

  private final DaemonState state;
  private final Runnable collect;

  DaemonHeap(DaemonState state) {
    this(state, System::gc);
  }

  /** @param collect runs a full collection */
  DaemonHeap(DaemonState state, Runnable collect) {
    this.state = state;
    this.collect = collect;
  }

  /** A link has ended: with none running or waiting, collects what the links left. */
  void linkEnded() {
    if (!state.busy()) {
      collect.run();
    }
  }

  /**
   * Gives back what the links made the heap grow to, instead of keeping it resident until the next link: full
   * collections with the free ratios tightened (they are manageable flags) shrink it to what is live; the ratios are
   * restored after. One collection does it with G1, which the launcher picks; the serial collector shrinks by a growing
   * share at each (0, 10, 40, 100%), hence four.
   */
  void returnToSystem() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    String minFree = vm.getVMOption(MIN_FREE).getValue();
    String maxFree = vm.getVMOption(MAX_FREE).getValue();
    try {
      vm.setVMOption(MIN_FREE, "5");
      vm.setVMOption(MAX_FREE, "10");
      for (int collection = 0; collection < 4; collection++) {
        System.gc();
      }
    } finally {
      vm.setVMOption(MAX_FREE, maxFree);
      vm.setVMOption(MIN_FREE, minFree);
    }
  }
}
