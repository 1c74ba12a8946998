package dev.encore.engine.profile;

import org.springframework.stereotype.Component;

/**
 * The lifecycle stage from what a customer did: advocates referred someone who bought;
 * loyal customers have {@code loyalOrders} counted orders or {@code loyalRevenue} net
 * revenue; otherwise the counted order number decides. A refund in full un-counts an
 * order, so it can move a customer back.
 */
@Component
class Lifecycle {

	private final ProfileProperties.Lifecycle rules;

	Lifecycle(ProfileProperties properties) {
		this.rules = properties.lifecycle();
	}

	public LifecycleStage stageOf(CustomerProfile profile, OrderStats stats) {
		if (profile.lifecycle().advocateSince() != null) {
			return LifecycleStage.ADVOCATE;
		}
		if (stats.orderCount() >= this.rules.loyalOrders()
				|| (stats.orderCount() > 0 && stats.netRevenue().compareTo(this.rules.loyalRevenue()) >= 0)) {
			return LifecycleStage.LOYAL;
		}
		return switch (stats.orderCount()) {
			case 0 -> LifecycleStage.PROSPECT;
			case 1 -> LifecycleStage.FIRST_TIME;
			default -> LifecycleStage.REPEAT;
		};
	}

}
