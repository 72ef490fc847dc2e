package dev.wasmlink.linker.resident;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How the daemon keeps its heap between links. A link allocates a lot (100-200 MB for a large program) and holds much
 * of it to its end; when a collection falls in the middle of a link, the collector copies everything the link still
 * holds, and what it copies twice lands in the old generation, which then fills with dead links until a slow mixed
 * collection (measured on bench's generated link: 200-1300 ms a link and a 3.8 GB heap, where the link itself takes
 * 140 ms). So the daemon collects between links, when everything is garbage, and the next link starts with a young
 * generation large enough for all it allocates (the launcher's -Xmn).
 *
 * <p>A full collection stops the JVM for 15-25 ms however little is live, and a build's next link, arriving at once,
 * waits for it. So the daemon collects only when the next link might not fit: when what the heap holds now and the
 * most any one link has allocated would overflow the young generation. Links of a few megabytes then share one
 * collection among many; large ones still get a collection each. While links come, collections keep the heap's size
 * (MaxHeapFreeRatio=100 at the start); once they stop for a while, {@link #returnToSystem} shrinks it.
 */
final class DaemonHeap {
  private static final String MIN_FREE = "MinHeapFreeRatio";
  private static final String MAX_FREE = "MaxHeapFreeRatio";

  private final DaemonState state;
  private final Runnable collect;
  private final LongSupplier inUse;
  private final long room;
  /** What the heap held when the one link running started, or -1 when links overlapped (no measure then). */
  private long inUseAtStart = -1;
  /** The most one link, running alone, has allocated. */
  private long largestLink;

  DaemonHeap(DaemonState state) {
    this(state, System::gc, () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        youngGenerationBytes());
  }

  /**
   * @param collect runs a full collection
   * @param inUse the bytes the heap holds
   * @param room what links may allocate between collections (0: collect after every link)
   */
  DaemonHeap(DaemonState state, Runnable collect, LongSupplier inUse, long room) {
    this.state = state;
    this.collect = collect;
    this.inUse = inUse;
    this.room = room;
  }

  /**
   * Three quarters of the young generation the launcher fixed (-Xmn), leaving the rest to survivor regions; 0 when the
   * JVM sized it itself, so that the daemon collects after every link.
   */
  private static long youngGenerationBytes() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    VMOption maxNewSize = vm.getVMOption("MaxNewSize");
    if (maxNewSize.getOrigin() != VMOption.Origin.VM_CREATION) {
      return 0;
    }
    return Long.parseLong(maxNewSize.getValue()) / 4 * 3;
  }

  /** A link starts: alone, what it will allocate is measured from here. */
  synchronized void linkStarted(boolean alone) {
    inUseAtStart = alone ? inUse.getAsLong() : -1;
  }

  /** A link has ended: with none running or waiting, collects what the links left if the next might not fit. */
  synchronized void linkEnded() {
    long now = inUse.getAsLong();
    if (inUseAtStart >= 0) {
      largestLink = Math.max(largestLink, now - inUseAtStart);
      inUseAtStart = -1;
    }
    if (!state.busy() && now + largestLink >= room) {
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
