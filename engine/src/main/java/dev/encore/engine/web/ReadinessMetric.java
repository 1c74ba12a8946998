package dev.encore.engine.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Readiness on /actuator/prometheus ({@code encore_readiness}: 1 when the readiness group
 * behind /readyz is UP, else 0), so Prometheus can alert on a node that answers scrapes
 * but cannot take events (database, Redis or the Kafka consumers down). Read at each
 * scrape.
 */
@Component
class ReadinessMetric {

	ReadinessMetric(MeterRegistry meters, ObjectProvider<HealthEndpoint> health) {
		Gauge.builder("encore.readiness", health, ReadinessMetric::ready)
			.description("1 when the node can take events (the readiness group behind /readyz is UP), else 0")
			.strongReference(true)
			.register(meters);
	}

	private static double ready(ObjectProvider<HealthEndpoint> health) {
		HealthEndpoint endpoint = health.getIfAvailable();
		HealthComponent readiness = endpoint == null ? null : endpoint.healthForPath("readiness");
		return readiness != null && Status.UP.equals(readiness.getStatus()) ? 1 : 0;
	}

}
