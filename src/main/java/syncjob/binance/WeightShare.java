package syncjob.binance;

import java.util.OptionalInt;

/**
 * The part of its IP's request-weight budget one process may spend ({@code binance.weight-share}):
 * 1 when the process has the IP to itself, {@code 1/N} for each of N workers behind one egress
 * address (one NAT). Each process then keeps its own spend under its part of the limit, so
 * together they stay under the whole. {@code X-MBX-USED-WEIGHT-1M} counts the whole IP's
 * spend: it is scaled by the same share before it raises this process's count, so a busy
 * neighbour slows this process in proportion instead of stopping it.
 */
record WeightShare(double share) {

	static final WeightShare WHOLE = new WeightShare(1.0);

	WeightShare {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("weight share must be more than 0 and at most 1: " + share);
		}
	}

	/** This process's part of the IP's limit per minute; at least 1. */
	int limit(int ipLimit) {
		return Math.max(1, (int) Math.floor(ipLimit * this.share));
	}

	/** The IP's used weight as it counts against this process's part. */
	OptionalInt used(OptionalInt ipUsed) {
		if (ipUsed.isEmpty() || this.share == 1.0) {
			return ipUsed;
		}
		return OptionalInt.of((int) Math.ceil(ipUsed.getAsInt() * this.share));
	}

}
