package dev.encore.engine.profile;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The birthday scan ({@code encore.profile.birthday.*}): where a customer's local date is
 * their birthday it emits "Birthday Reached", once a year per customer.
 *
 * @param scheduled whether this node looks for a due scan every {@code checkEvery}; each
 * hour's scan runs on one node only
 * @param checkEvery how often a node asks whether this hour's scan is due
 */
@ConfigurationProperties("encore.profile.birthday")
public record BirthdayProperties(@DefaultValue("true") boolean scheduled, @DefaultValue("PT5M") Duration checkEvery) {
}
