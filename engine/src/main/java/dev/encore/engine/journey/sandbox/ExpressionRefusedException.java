package dev.encore.engine.journey.sandbox;

import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * A journey expression tried to reach beyond journey beans, variables and the profile.
 * The engine turns it into a failed step (an incident on a job), never a side effect.
 */
public class ExpressionRefusedException extends ELException {

	ExpressionRefusedException(String message) {
		super("Journey expressions may not " + message
				+ ": they reach only journey beans, process variables and the profile");
	}

}
