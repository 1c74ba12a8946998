package dev.encore.connectors;

import java.util.List;

/**
 * Where a push channel finds a customer's devices: a push message goes to every device
 * the customer registered, so its recipient is the customer, not one address. The
 * connector reports the devices the push service says are gone for good.
 *
 * @param <D> what the channel needs to reach one device (a browser subscription, an app
 * token)
 */
public interface PushDevices<D> {

	/** The customer's devices on this channel, none when they registered none. */
	List<D> of(String customerId);

	/** The push service answered that this device will never take a message again. */
	void gone(String customerId, D device);

}
