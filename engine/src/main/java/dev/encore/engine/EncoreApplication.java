package dev.encore.engine;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EncoreApplication {

	public static void main(String[] args) {
		SpringApplication.run(EncoreApplication.class, args);
	}

	/**
	 * Encore's time outside the engine; tests move Camunda's ClockUtil, which this
	 * follows.
	 */
	@Bean
	Clock clock() {
		return new EngineClock();
	}

}
