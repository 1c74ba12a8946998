package dev.encore.engine.push;

import java.util.List;

/**
 * The devices customers registered per push channel: Redis in production, memory for a
 * try-out.
 */
interface CustomerDevices {

	/**
	 * Keeps the device; registering an address again replaces its keys.
	 * @return whether the address was new
	 */
	boolean register(String customerId, String channel, Device device);

	/** The customer's devices on the channel, oldest first. */
	List<Device> of(String customerId, String channel);

	/**
	 * @return whether the customer had the address
	 */
	boolean remove(String customerId, String channel, String address);

	/** Forgets every device of the customer, on every channel. */
	int erase(String customerId);

}
