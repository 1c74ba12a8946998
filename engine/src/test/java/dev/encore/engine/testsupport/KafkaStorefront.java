package dev.encore.engine.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A shop's event stream on {@code encore.events}: each customer identifies, views a
 * product and abandons a checkout, keyed by customer id, at a storefront's pace.
 */
public final class KafkaStorefront {

	private KafkaStorefront() {
	}

	/**
	 * Customers {@code prefix + 0..count-1} ({@code prefix + i + "@example.org"}), one
	 * every {@code pace}; {@code published} counts the events Kafka acknowledged.
	 */
	public static Thread abandonCarts(String brokers, String prefix, int count, Duration pace,
			AtomicInteger published) {
		Thread thread = new Thread(() -> {
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers, ProducerConfig.ACKS_CONFIG, "all"),
					new StringSerializer(), new StringSerializer())) {
				for (int i = 0; i < count; i++) {
					String customer = prefix + i;
					List<TestEvents> events = List.of(TestEvents.identify(customer, customer + "@example.org", "Ada"),
							TestEvents.track("Product Viewed", customer).with("product_id", "p-" + i),
							TestEvents.checkoutStarted(customer).withProduct("Linen shirt", 1, 49.0));
					for (TestEvents event : events) {
						producer.send(new ProducerRecord<>("encore.events", customer, event.json())).get();
						published.incrementAndGet();
					}
					LockSupport.parkNanos(pace.toNanos());
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, "storefront-" + prefix);
		thread.start();
		return thread;
	}

}
