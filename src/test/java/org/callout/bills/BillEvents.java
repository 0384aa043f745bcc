package org.callout.bills;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.awaitility.Awaitility;

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

	/**
	 * Waits for {@code count} events of the bill, then checks that no more arrive for half a second: the registry
	 * delivers on other threads, so a duplicate would come a little later.
	 */
	public List<BillStatusChanged> awaitExactly(long billId, int count) {
		Awaitility.await("%d events of bill %d".formatted(count, billId)).atMost(Duration.ofSeconds(10))
			.until(() -> of(billId).size() >= count);
		Awaitility.await("no more than %d events of bill %d".formatted(count, billId)).during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(3)).until(() -> of(billId).size() == count);
		return of(billId);
	}

}
