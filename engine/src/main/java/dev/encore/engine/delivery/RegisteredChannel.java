package dev.encore.engine.delivery;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.encore.engine.channel.Channels;

/**
 * The id of a channel in the registry: a new channel is valid wherever one is asked for.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegisteredChannel.Check.class)
@interface RegisteredChannel {

	String message() default "must be a registered channel";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Reads the registry; Spring's validator factory injects it. */
	class Check implements ConstraintValidator<RegisteredChannel, String> {

		private final Channels channels;

		Check(Channels channels) {
			this.channels = channels;
		}

		@Override
		public boolean isValid(String channel, ConstraintValidatorContext context) {
			if (channel == null || this.channels.find(channel).isPresent()) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", this.channels.ids()))
				.addConstraintViolation();
			return false;
		}

	}

}
