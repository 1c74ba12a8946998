package dev.encore.engine.intake;

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
		ReentrantLock lock = this.locks[Math.floorMod(customerId.hashCode(), STRIPES)];
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

}
