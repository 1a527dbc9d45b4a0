package io.github.cortexj.benchmarks.batch;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap a stretch of work needs, two ways: the peak usage of the heap memory pools (their sum: an
 * upper bound that includes garbage not yet collected) and the largest heap left in use after a garbage
 * collection (what was live, near enough, at the fullest moment a collector saw).
 *
 * <p>Not thread safe: one measurement at a time. {@link #close()} stops listening to the collectors.
 */
final class HeapPeaks implements AutoCloseable {

  private final List<MemoryPoolMXBean> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final NotificationListener listener = this::onCollection;

  HeapPeaks() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
      }
    }
  }

  /** Starts a measurement: resets the pools' peaks and the after-collection peak. */
  void reset() {
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    peakAfterGc.set(0);
  }

  /** The sum of the heap pools' peak usage since {@link #reset()}, in bytes. */
  long poolPeakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      MemoryUsage peak = pool.getPeakUsage();
      sum += peak == null ? 0 : peak.getUsed();
    }
    return sum;
  }

  /** The largest heap in use right after a collection since {@link #reset()}, in bytes. */
  long afterGcPeakBytes() {
    return peakAfterGc.get();
  }

  /** The heap in use now, in bytes. */
  static long usedBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void onCollection(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
      if (heapPools.stream().anyMatch(p -> p.getName().equals(pool.getKey()))) {
        used += pool.getValue().getUsed();
      }
    }
    long after = used;
    peakAfterGc.accumulateAndGet(after, Math::max);
  }

  @Override
  public void close() {
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        try {
          emitter.removeNotificationListener(listener);
        } catch (ListenerNotFoundException e) {
          // Never added to this collector: nothing to remove.
        }
      }
    }
  }
}
