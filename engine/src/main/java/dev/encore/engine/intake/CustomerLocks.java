package dev.encore.engine.intake;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serializes work per customer inside one node: a customer's events are applied one at a
 * time and in arrival order, while different customers proceed in parallel. Striped so
 * memory stays fixed however many customers there are.
 */
@Component
class CustomerLocks {

	private static final int STRIPES = 1024;

	private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

	CustomerLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.locks[i] = new ReentrantLock(true);
		}
	}

	<T> T withLock(String customerId, Supplier<T> work) {
		return withLocks(Set.of(customerId), work);
	}

	/**
	 * Holds every given customer's lock while the work runs (a batch of their events).
	 * Taken in stripe order, so two batches sharing customers never wait on each other in
	 * a circle.
	 */
	<T> T withLocks(Collection<String> customerIds, Supplier<T> work) {
		int[] stripes = customerIds.stream()
			.mapToInt((customerId) -> Math.floorMod(customerId.hashCode(), STRIPES))
			.distinct()
			.sorted()
			.toArray();
		int held = 0;
		try {
			for (int stripe : stripes) {
				this.locks[stripe].lock();
				held++;
			}
			return work.get();
		}
		finally {
			for (int i = held - 1; i >= 0; i--) {
				this.locks[stripes[i]].unlock();
			}
		}
	}

}
