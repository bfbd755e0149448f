package syncjob.binance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import syncjob.lifecycle.Order;

/**
 * Fetches the orders that a symbol's rows need. When id-only paging may reach back far enough,
 * {@code allOrders} pages by id from the smallest needed id (each page requested from an order it
 * must begin with); needed orders a page skipped are asked for one by one with Query Order
 * (weight 1), which also tells whether the page skipped them because Binance no longer keeps them
 * or because id-only requests do not reach back that far. Otherwise the needed orders are fetched
 * by 7-day time windows around their fills, or one by one, whichever costs less weight.
 */
final class OrderPlan {

	static final int LIMIT = Endpoint.PAGE_LIMIT;

	private static final int ORDER_DOES_NOT_EXIST = -2013;

	private final BinanceCaller caller;

	private final PagingMode mode;

	private final IdPagingReach reach;

	private final Clock serverClock;

	private final FanOut fanOut;

	OrderPlan(BinanceCaller caller, PagingMode mode, IdPagingReach reach, Clock serverClock, FanOut fanOut) {
		this.caller = caller;
		this.mode = mode;
		this.reach = reach;
		this.serverClock = serverClock;
		this.fanOut = fanOut;
	}

	/**
	 * @param needed each needed order id with the time of the earliest fill that references it
	 * @param now when the fills were read (ages are measured from it)
	 */
	ServedOrders fetch(String symbol, Map<Long, Instant> needed, Instant now) {
		if (needed.isEmpty()) {
			return ServedOrders.none();
		}
		Run run = new Run(symbol, new TreeMap<>(needed), now);
		long smallest = run.pending.firstKey();
		if (this.mode.mayPageById(this.reach, Duration.between(run.pending.get(smallest), now))) {
			run.byId(smallest);
		}
		else {
			run.byTimeOrOneByOne();
		}
		return new ServedOrders(run.found, run.notServed, run.notes, run.tally.calls(), run.tally.weight());
	}

	private final class Run {

		private final String symbol;

		private final TreeMap<Long, Instant> pending;

		private final Instant now;

		private final PlanCost tally = new PlanCost();

		private final Map<Long, Order> found = new HashMap<>();

		private final Set<Long> notServed = new TreeSet<>();

		private final List<String> notes = new ArrayList<>();

		Run(String symbol, TreeMap<Long, Instant> pending, Instant now) {
			this.symbol = symbol;
			this.pending = pending;
			this.now = now;
		}

		void byId(long firstId) {
			long from = firstId;
			while (!this.pending.isEmpty()) {
				long requested = from;
				List<Order> page = allOrders((api) -> api.allOrders(this.symbol, requested, null, null, LIMIT));
				boolean begins = !page.isEmpty() && page.get(0).orderId() == requested;
				if (begins) {
					Order first = page.get(0);
					OrderPlan.this.reach.reached(age(first), OrderPlan.this.serverClock.instant(),
							"order " + first.orderId() + " of " + this.symbol + " created " + first.time());
				}
				long firstServed = page.isEmpty() ? Long.MAX_VALUE : page.get(0).orderId();
				// needed orders the page skipped: not kept any more, or beyond the id-only reach
				oneByOne(new ArrayList<>(this.pending.headMap(firstServed, false).keySet()), true);
				for (Order order : page) {
					take(order);
				}
				if (page.size() < LIMIT) {
					// a short page holds every order from its first on: the rest are not served
					oneByOne(new ArrayList<>(this.pending.keySet()), false);
					return;
				}
				long last = page.get(page.size() - 1).orderId();
				oneByOne(new ArrayList<>(this.pending.headMap(last, true).keySet()), false);
				if (this.pending.isEmpty()) {
					return;
				}
				from = last;
			}
		}

		void byTimeOrOneByOne() {
			List<Instant[]> windows = windows();
			if (windows.size() * Endpoint.ALL_ORDERS.weight() >= this.pending.size() * Endpoint.QUERY_ORDER.weight()) {
				oneByOne(new ArrayList<>(this.pending.keySet()), false);
				return;
			}
			for (Instant[] window : windows) {
				byTime(window[0], window[1]);
			}
			// resting orders created before their window, and any the windows did not hold
			oneByOne(new ArrayList<>(this.pending.keySet()), false);
		}

		/**
		 * The fewest 7-day windows whose ends follow the needed fills: an order is created at or
		 * before its first fill, so a window ending just after a fill holds its order unless that
		 * order rested for longer than the window.
		 */
		private List<Instant[]> windows() {
			List<Instant> times = new ArrayList<>(new TreeSet<>(this.pending.values()));
			List<Instant[]> windows = new ArrayList<>();
			Instant coveredFrom = null;
			for (int i = times.size() - 1; i >= 0; i--) {
				Instant time = times.get(i);
				if (coveredFrom != null && !time.isBefore(coveredFrom)) {
					continue;
				}
				Instant end = time.plusMillis(1);
				Instant start = end.minus(TradePager.MAX_SPAN);
				windows.add(new Instant[] { start, end });
				coveredFrom = start;
			}
			return windows;
		}

		/** allOrders by time returns the most recent page of a window: a full page is split in two. */
		private void byTime(Instant start, Instant end) {
			List<Order> page = allOrders((api) -> api.allOrders(this.symbol, null, start.toEpochMilli(),
					end.toEpochMilli() - 1, LIMIT));
			page.forEach(this::take);
			if (page.size() >= LIMIT && Duration.between(start, end).toMillis() > 1) {
				Instant middle = start.plus(Duration.between(start, end).dividedBy(2));
				byTime(start, middle);
				byTime(middle, end);
			}
		}

		/**
		 * Query Order for each id, all at once; {@code skippedByPage}: a served one proves the
		 * id-only reach shorter. Where that fails the run ({@code binance.paging=by-id}), they are
		 * asked one after the other, so that nothing is asked after the first proof.
		 */
		private void oneByOne(List<Long> ids, boolean skippedByPage) {
			if (skippedByPage && OrderPlan.this.mode == PagingMode.BY_ID) {
				for (long id : ids) {
					served(id, queryOrder(id, this.tally), true);
				}
				return;
			}
			List<Callable<Asked>> asks = new ArrayList<>(ids.size());
			for (long id : ids) {
				asks.add(() -> {
					PlanCost own = new PlanCost();
					return new Asked(id, queryOrder(id, own), own);
				});
			}
			OrderPlan.this.fanOut.inOrder(asks, (asked) -> {
				this.tally.addAll(asked.cost());
				served(asked.id(), asked.order(), skippedByPage);
			}, "asking for orders of " + this.symbol);
		}

		private void served(long id, Optional<Order> order, boolean skippedByPage) {
			if (order.isEmpty()) {
				this.pending.remove(id);
				this.notServed.add(id);
				return;
			}
			take(order.get());
			if (skippedByPage) {
				Instant at = OrderPlan.this.serverClock.instant();
				String what = "an id-only page from order " + id + " of " + this.symbol + " (created "
						+ order.get().time() + ") did not begin with it, though Binance serves it";
				OrderPlan.this.reach.missed(age(order.get()), at, what);
				this.notes.add(what + "; orders it skipped were asked for one by one");
				if (OrderPlan.this.mode == PagingMode.BY_ID) {
					throw new BinanceResponseException(Endpoint.ALL_ORDERS.describe(this.symbol)
							+ ": id-only paging does not reach back far enough (" + what
							+ "); set binance.paging=auto or by-time", 200, null, null);
				}
			}
		}

		private void take(Order order) {
			if (this.pending.remove(order.orderId()) != null) {
				this.found.put(order.orderId(), order);
			}
		}

		private Optional<Order> queryOrder(long id, PlanCost cost) {
			try {
				return Optional.of(OrderPlan.this.caller.call(Endpoint.QUERY_ORDER, this.symbol, cost,
						(api) -> api.order(this.symbol, id), OrderRow::toOrder));
			}
			catch (BinanceResponseException ex) {
				if (ex.code() != null && ex.code() == ORDER_DOES_NOT_EXIST) {
					return Optional.empty();
				}
				throw ex;
			}
		}

		private List<Order> allOrders(java.util.function.Function<BinanceApi, retrofit2.Call<List<OrderRow>>> request) {
			List<Order> page = new ArrayList<>(OrderPlan.this.caller.call(Endpoint.ALL_ORDERS, this.symbol,
					this.tally, request, (rows) -> rows.stream().map(OrderRow::toOrder).toList()));
			page.sort(java.util.Comparator.comparingLong(Order::orderId));
			return page;
		}

		/** One order asked for: served, or not (any more). */
		private record Asked(long id, Optional<Order> order, PlanCost cost) {
		}

		private Duration age(Order order) {
			Instant created = order.time() != null ? order.time() : this.pending.getOrDefault(order.orderId(), this.now);
			return Duration.between(created, this.now);
		}

	}

}
