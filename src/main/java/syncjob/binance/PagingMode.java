package syncjob.binance;

/**
 * How fills and orders are paged ({@code binance.paging}). Binance documents time windows (each
 * shorter than 7 days) for userTrades and allOrders, but not how far back a request that names
 * only an id ({@code fromId}, {@code orderId}) reaches: the last 7 days, the whole retention, or
 * something between.
 */
public enum PagingMode {

	/** Page by id where a check proves it reaches back far enough, by time windows elsewhere. */
	AUTO,

	/** Always page by id; a failed check fails the run instead of falling back. */
	BY_ID,

	/** Never page by id: time windows only. */
	BY_TIME;

	/** Whether id-only paging may be tried for data of this age, given what is known of its reach. */
	boolean mayPageById(IdPagingReach reach, java.time.Duration age) {
		return switch (this) {
			case BY_TIME -> false;
			case BY_ID -> true;
			case AUTO -> reach.covers(age) != IdPagingReach.Verdict.DOES_NOT_REACH;
		};
	}

}
