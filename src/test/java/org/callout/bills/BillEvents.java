package org.callout.bills;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Collects {@link BillStatusChanged} as another module would receive it: asynchronously, after the commit,
 * through Spring Modulith's JDBC publication registry.
 */
public class BillEvents {

	private final Queue<BillStatusChanged> received = new ConcurrentLinkedQueue<>();

	@ApplicationModuleListener
	void on(BillStatusChanged event) {
		received.add(event);
	}

	public List<BillStatusChanged> received() {
		return List.copyOf(received);
	}

	public List<BillStatusChanged> of(long billId) {
		return received.stream().filter(e -> e.billId() == billId).toList();
	}

}
