package dev.encore.engine.push;

import java.util.List;
import java.util.function.Function;

import dev.encore.connectors.PushDevices;

/**
 * A push connector's view of the devices registered on its channel: what it needs of
 * each, and where it reports the gone ones.
 */
final class RegisteredDevices<D> implements PushDevices<D> {

	private final PushRegistrations registrations;

	private final String channel;

	private final Function<Device, D> target;

	private final Function<D, String> address;

	RegisteredDevices(PushRegistrations registrations, String channel, Function<Device, D> target,
			Function<D, String> address) {
		this.registrations = registrations;
		this.channel = channel;
		this.target = target;
		this.address = address;
	}

	@Override
	public List<D> of(String customerId) {
		return this.registrations.of(customerId, this.channel).stream().map(this.target).toList();
	}

	@Override
	public void gone(String customerId, D device) {
		this.registrations.gone(customerId, this.channel, this.address.apply(device));
	}

}
