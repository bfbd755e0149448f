package syncjob.simulator;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance counts request weight per IP: one {@link WeightGate} per client address, so clients
 * bound to 127.0.0.2 and 127.0.0.3 spend separate budgets and are banned separately, as
 * machines behind different egress IPs would be.
 */
final class WeightGates {

	private final int limit;

	private final int graceRequestsAfter429;

	private final Map<String, WeightGate> gates = new ConcurrentHashMap<>();

	WeightGates(int limit, int graceRequestsAfter429) {
		this.limit = limit;
		this.graceRequestsAfter429 = graceRequestsAfter429;
	}

	WeightGate of(InetAddress client) {
		return of(client.getHostAddress());
	}

	WeightGate of(String clientAddress) {
		return gates.computeIfAbsent(clientAddress, address -> new WeightGate(limit, graceRequestsAfter429, address));
	}
}
