package dev.encore.engine.correlation;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.encore.engine.event.CustomerEvent;
import dev.encore.engine.journey.sandbox.JourneyBeans;
import dev.encore.engine.journey.sandbox.JourneyElResolvers;
import dev.encore.engine.profile.ProfileViews;

/**
 * Evaluates a journey's {@code entry.filter}, the same expression language and the same
 * {@code profile} as gateway conditions, plus the triggering event ({@code event}: its
 * properties) and the keys of the journeys the customer is on now
 * ({@code activeJourneys}), e.g. {@code ${profile.lifecycleStage == 'prospect'}} or
 * {@code ${!activeJourneys.contains('AbandonedCart')}}. Encore's expression beans resolve
 * as in a journey's conditions, so a filter can ask about the event's content:
 * {@code ${replenishment.hasConsumables(event)}}.
 */
@Component
class EntryFilter {

	private static final Logger log = LoggerFactory.getLogger(EntryFilter.class);

	private final ExpressionFactoryImpl expressions = new ExpressionFactoryImpl();

	private static final String ACTIVE_JOURNEYS = "activeJourneys";

	private static final String PROFILE = "profile";

	private final ProfileViews profiles;

	private final CompositeELResolver resolver = new CompositeELResolver();

	EntryFilter(ProfileViews profiles, JourneyBeans journeyBeans) {
		this.profiles = profiles;
		// The same sandbox as journey expressions: journey beans, read-only values, no
		// other call.
		this.resolver.add(JourneyElResolvers.after(journeyBeans));
	}

	/**
	 * @param activeJourneys the keys of the journeys the customer is on, read by the
	 * caller once per event and only when the filter first looks at them
	 */
	boolean admits(String filter, String journeyKey, CustomerEvent event, List<String> activeJourneys) {
		SimpleContext context = new SimpleContext(this.resolver);
		context.setVariable("event", this.expressions.createValueExpression(event.properties(), Map.class));
		// The profile is read only for the filters that ask.
		if (filter.contains(PROFILE)) {
			context.setVariable(PROFILE,
					this.expressions.createValueExpression(this.profiles.journeyData(event.customerId()), Map.class));
		}
		context.setVariable(ACTIVE_JOURNEYS,
				this.expressions.createValueExpression(Collections.unmodifiableList(activeJourneys), List.class));
		try {
			return Boolean.TRUE
				.equals(this.expressions.createValueExpression(context, filter, Object.class).getValue(context));
		}
		catch (ELException ex) {
			// A broken filter must not let everyone in (or fail the event): nobody enters
			// until it is fixed, and the log says why.
			log.error("Journey {}: entry.filter '{}' cannot be evaluated for customer={}: {}", journeyKey, filter,
					event.customerId(), ex.getMessage());
			return false;
		}
	}

}
