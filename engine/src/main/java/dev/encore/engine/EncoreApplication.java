package dev.encore.engine;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class EncoreApplication {

	static {
		// Camunda builds a DatatypeFactory for every timer it schedules; without this the
		// JDK searches every jar on the class path each time (14% of the job executor's
		// time when many timers fall due, see docs/performance.md).
		if (System.getProperty("javax.xml.datatype.DatatypeFactory") == null) {
			System.setProperty("javax.xml.datatype.DatatypeFactory",
					"com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
		}
	}

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
