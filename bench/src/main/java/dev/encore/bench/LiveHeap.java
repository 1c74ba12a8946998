package dev.encore.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The most heap still in use right after a collection while it is open: what the run
 * really kept alive. (Summing the pools' own peaks counts garbage and adds peaks from
 * different moments, so it can exceed the maximum heap.)
 */
final class LiveHeap implements AutoCloseable {

	private final AtomicLong peak = new AtomicLong();

	private final List<NotificationEmitter> emitters = new ArrayList<>();

	private final NotificationListener listener = (notification, handback) -> {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long used = info.getGcInfo()
			.getMemoryUsageAfterGc()
			.entrySet()
			.stream()
			.filter((pool) -> isHeap(pool.getKey()))
			.map(java.util.Map.Entry::getValue)
			.mapToLong(MemoryUsage::getUsed)
			.sum();
		this.peak.accumulateAndGet(used, Math::max);
	};

	LiveHeap() {
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (collector instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.listener, null, null);
				this.emitters.add(emitter);
			}
		}
	}

	long peak() {
		return this.peak.get();
	}

	private static boolean isHeap(String pool) {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.anyMatch((bean) -> bean.getName().equals(pool) && bean.getType() == java.lang.management.MemoryType.HEAP);
	}

	@Override
	public void close() {
		for (NotificationEmitter emitter : this.emitters) {
			try {
				emitter.removeNotificationListener(this.listener);
			}
			catch (ListenerNotFoundException ex) {
				// Never added: nothing to remove.
			}
		}
	}

}
