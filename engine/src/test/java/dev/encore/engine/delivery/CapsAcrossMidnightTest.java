package dev.encore.engine.delivery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.encore.engine.testsupport.EncoreIntegrationTest;

/** {@link CapsAcrossMidnight} with caps in memory (the try-out without Redis). */
class CapsAcrossMidnightTest extends EncoreIntegrationTest implements CapsAcrossMidnight {

	@Autowired
	private ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return this.context;
	}

}
