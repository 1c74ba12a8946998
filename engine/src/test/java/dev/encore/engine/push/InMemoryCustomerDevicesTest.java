package dev.encore.engine.push;

class InMemoryCustomerDevicesTest extends CustomerDevicesContract {

	private final InMemoryCustomerDevices store = new InMemoryCustomerDevices();

	@Override
	CustomerDevices store() {
		return this.store;
	}

}
