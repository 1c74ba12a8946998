package dev.encore.engine.intake;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * {@code kafka} in /actuator/health (and readiness): the broker answers and the events
 * consumer runs.
 */
class KafkaHealth implements HealthIndicator, AutoCloseable {

	private final AdminClient admin;

	private final MessageListenerContainer consumer;

	KafkaHealth(KafkaAdmin admin, MessageListenerContainer consumer) {
		this.admin = AdminClient.create(admin.getConfigurationProperties());
		this.consumer = consumer;
	}

	@Override
	public Health health() {
		try {
			String cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
				.clusterId()
				.get(3, TimeUnit.SECONDS);
			Health.Builder health = this.consumer.isRunning() ? Health.up() : Health.down();
			return health.withDetail("clusterId", cluster)
				.withDetail("consumerRunning", this.consumer.isRunning())
				.build();
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return Health.down(ex).build();
		}
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
