package dev.encore.engine.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process KRaft broker with Encore's two topics. Its address goes only where a test
 * passes it: left to its default, the broker writes it into the JVM-wide
 * {@code spring.kafka.bootstrap-servers}, which outlives the broker and points every
 * later node of the run (and its readiness) at nothing.
 */
public final class TestKafka {

	/** Where the brokers' addresses go instead; nothing reads it. */
	public static final String BROKERS_PROPERTY = "encore.test.kafka.brokers";

	private TestKafka() {
	}

	/**
	 * Not started yet: call {@code afterPropertiesSet()}, and {@code destroy()} after.
	 */
	public static EmbeddedKafkaKraftBroker broker(int partitions) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, "encore.events",
				"encore.events.DLT");
		broker.brokerListProperty(BROKERS_PROPERTY);
		return broker;
	}

}
