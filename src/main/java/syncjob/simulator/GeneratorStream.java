package syncjob.simulator;

import static syncjob.simulator.GeneratorRandom.below;
import static syncjob.simulator.GeneratorRandom.between;
import static syncjob.simulator.GeneratorRandom.chance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

/**
 * Trades one position stream through a run of lifecycles: open, then adds and partial
 * closes, then a full close, a flip into the next lifecycle (one-way only), or nothing at
 * all for a lifecycle left open at the end. Lifecycle i lives in the i-th equal slot of the
 * time span, so lifecycles never overlap within a stream and fill times never go back.
 */
final class GeneratorStream {

	private static final long MINUTE_MS = 60_000L;

	private static final int MAX_MIDDLE_ORDERS = 4;

	/** Binance: a good-till date must lie more than 600 seconds after the order's time. */
	private static final long GTD_MIN_MS = 601_000L;

	private final GeneratedSymbol symbol;

	private final PositionSide positionSide;

	private final GeneratorPricePath path;

	private final GeneratorFees fees;

	private final Random random;

	/** Draws for order details only, so that adding them left every fill of a seed as it was. */
	private final Random terms;

	private final GeneratorSequence sequence;

	private final GeneratorAutoCloses autoCloses;

	private final long endMs;

	private final GeneratedPositionBook book = new GeneratedPositionBook();

	private final List<GeneratedOrder> orders = new ArrayList<>();

	private long positionSteps;

	private long lastFillMs = Long.MIN_VALUE;

	private long limitMs;

	GeneratorStream(GeneratedSymbol symbol, PositionSide positionSide, GeneratorPricePath path, GeneratorFees fees,
			Random random, Random terms, GeneratorSequence sequence, GeneratorAutoCloses autoCloses, long endMs) {
		this.symbol = symbol;
		this.positionSide = positionSide;
		this.path = path;
		this.fees = fees;
		this.random = random;
		this.terms = terms;
		this.sequence = sequence;
		this.autoCloses = autoCloses;
		this.endMs = endMs;
	}

	/**
	 * Trades {@code lifecycles} lifecycles with every fill in [fromMs, toMs). When
	 * {@code mayLeaveOpen} is false the stream is flat again before {@code toMs}.
	 */
	void run(long fromMs, long toMs, int lifecycles, boolean flips, boolean mayLeaveOpen) {
		limitMs = toMs - 1;
		lastFillMs = Math.max(lastFillMs, fromMs);
		long slot = Math.max(1, (toMs - fromMs) / lifecycles);
		long flipMs = -1;
		for (int i = 0; i < lifecycles; i++) {
			long slotStart = fromMs + i * slot;
			boolean last = i == lifecycles - 1;
			long start = flipMs >= 0 ? flipMs : slotStart + below(random, slot * 3 / 10);
			long finish = Math.max(start, slotStart + slot / 2 + below(random, slot * 45 / 100));
			long[] times = orderTimes(start, finish, 2 + random.nextInt(MAX_MIDDLE_ORDERS + 1));
			if (flipMs < 0) {
				place(openingSign() * unitSteps(start), times[0], times[1], false, null);
			}
			for (int k = 1; k < times.length - 1; k++) {
				adjust(times[k], times[k + 1]);
			}
			if (chance(random, 50)) {
				cancelled(between(random, start, finish));
			}
			if (last && mayLeaveOpen && chance(random, 35)) {
				return;
			}
			long closeMs = times[times.length - 1];
			if (!last && flips && chance(random, 30)) {
				long total = Math.abs(positionSteps) + unitSteps(closeMs);
				place(-Long.signum(positionSteps) * total, closeMs, closeMs, true, null);
				flipMs = lastFillMs;
			}
			else {
				place(-positionSteps, closeMs, Math.min(limitMs, finish + slot / 25), false,
						autoCloses.draw(clamp(closeMs)));
				flipMs = -1;
			}
		}
	}

	List<GeneratedOrder> orders() {
		return orders;
	}

	GeneratedPositionBook book() {
		return book;
	}

	PositionSide positionSide() {
		return positionSide;
	}

	/** Time of the stream's last fill, or {@code Long.MIN_VALUE} when it never traded. */
	long lastFillMs() {
		return orders.isEmpty() ? Long.MIN_VALUE : lastFillMs;
	}

	private int openingSign() {
		return switch (positionSide) {
			case LONG -> 1;
			case SHORT -> -1;
			case BOTH -> random.nextBoolean() ? 1 : -1;
		};
	}

	/** An add (same direction) or a partial close that leaves at least one step open. */
	private void adjust(long atMs, long nextMs) {
		long open = Math.abs(positionSteps);
		int sign = Long.signum(positionSteps);
		if (open >= 2 && chance(random, 45)) {
			place(-sign * between(random, 1, open - 1), atMs, nextMs, false, null);
		}
		else {
			place(sign * Math.max(1, unitSteps(atMs) * between(random, 25, 100) / 100), atMs, nextMs, false, null);
		}
	}

	/**
	 * One order of {@code signedSteps}, executed in 1 to 3 fills between {@code atMs} and
	 * {@code nextMs}. LIMIT orders fill as maker at their limit price, spread in time; every
	 * other type fills as taker in one sweep, a triggered STOP or TAKE_PROFIT within its limit.
	 * An exchange's close ({@code auto}, else null) takes the drawn type's place: a taker sweep.
	 */
	private void place(long signedSteps, long atMs, long nextMs, boolean market, GeneratorAutoCloses.AutoClose auto) {
		long steps = Math.abs(signedSteps);
		Side side = signedSteps > 0 ? Side.BUY : Side.SELL;
		String drawn = market ? GeneratorOrderTypes.MARKET : GeneratorOrderTypes.draw(random);
		String type = auto == null ? drawn : auto.type();
		boolean limit = type.equals(GeneratorOrderTypes.LIMIT);
		GeneratedOrder order = new GeneratedOrder(sequence.next(), type, side, positionSide);
		order.clientOrderId = auto == null ? null : auto.clientOrderId();
		order.reduceOnly = positionSide == PositionSide.BOTH && positionSteps != 0
				&& Long.signum(signedSteps) != Long.signum(positionSteps) && steps <= Math.abs(positionSteps);
		long previousFillMs = lastFillMs;
		long[] sizes = split(steps, fillCount(steps));
		long timeMs = clamp(atMs);
		long reference = path.ticksAt(timeMs);
		long ticks = Math.max(1, reference + reference * between(random, -15, 15) / 10_000);
		long firstTicks = ticks;
		long extremeTicks = ticks;
		for (int j = 0; j < sizes.length; j++) {
			if (j > 0 && limit) {
				long room = Math.max(0, Math.min(10 * MINUTE_MS, (nextMs - timeMs) / sizes.length));
				timeMs = clamp(timeMs + below(random, room + 1));
			}
			else if (j > 0) {
				ticks = Math.max(1, ticks + side.sign() * random.nextInt(2));
				extremeTicks = side == Side.BUY ? Math.max(extremeTicks, ticks) : Math.min(extremeTicks, ticks);
			}
			fill(order, timeMs, ticks, sizes[j], limit);
		}
		order.executedSteps = steps;
		order.origSteps = limit && chance(random, 10) ? steps + between(random, 1, steps) : steps;
		long firstFillMs = order.fills.get(0).timeMs;
		if (limit) {
			order.timeMs = Math.max(previousFillMs, firstFillMs - below(random, 30 * MINUTE_MS));
		}
		else if (GeneratorOrderTypes.conditional(type)) {
			// a stop or take-profit rests until its trigger, as a limit order does
			order.timeMs = Math.max(previousFillMs, firstFillMs - below(terms, 30 * MINUTE_MS));
		}
		else {
			order.timeMs = firstFillMs;
		}
		order.updateTimeMs = timeMs;
		orderTerms(order, firstTicks, extremeTicks);
		settle(order, timeMs);
		orders.add(order);
	}

	/** Limit price, trigger, trailing terms and time in force, consistent with the fills. */
	private void orderTerms(GeneratedOrder order, long firstTicks, long extremeTicks) {
		String type = order.type;
		if (type.equals(GeneratorOrderTypes.LIMIT)) {
			order.limitTicks = firstTicks;
			int draw = terms.nextInt(10);
			order.timeInForce = draw < 7 ? GeneratorOrderTypes.GTC
					: draw < 9 ? GeneratorOrderTypes.GTX : GeneratorOrderTypes.GTD;
		}
		if (GeneratorOrderTypes.triggeredLimit(type)) {
			long slack = below(terms, 3);
			order.limitTicks = order.side == Side.BUY ? extremeTicks + slack : Math.max(1, extremeTicks - slack);
		}
		if (type.equals(GeneratorOrderTypes.TRAILING_STOP_MARKET)) {
			long tenths = between(terms, 1, 50);
			order.priceRate = BigDecimal.valueOf(tenths, 1);
			long move = Math.max(1, firstTicks * tenths / 1_000);
			order.activateTicks = order.side == Side.SELL ? firstTicks + move : Math.max(1, firstTicks - move);
			order.stopTicks = firstTicks;
		}
		else if (GeneratorOrderTypes.conditional(type)) {
			long gap = below(terms, 4);
			order.stopTicks = GeneratorOrderTypes.triggersOnRise(type, order.side) ? Math.max(1, firstTicks - gap)
					: firstTicks + gap;
		}
		if (order.timeInForce.equals(GeneratorOrderTypes.GTD)) {
			long earliest = Math.max(order.updateTimeMs, order.timeMs + GTD_MIN_MS);
			order.goodTillMs = ceilToSecond(earliest + between(terms, MINUTE_MS, 60 * MINUTE_MS));
		}
	}

	/**
	 * The status an order ends with: FILLED; or, when it filled only in part, CANCELED soon
	 * after its last fill (EXPIRED at its good-till date for GTD); PARTIALLY_FILLED when that
	 * moment is not reached by the end of the history (still working).
	 */
	private void settle(GeneratedOrder order, long lastFillMs) {
		if (order.origSteps == order.executedSteps) {
			order.status = "FILLED";
			return;
		}
		boolean gtd = order.timeInForce.equals(GeneratorOrderTypes.GTD);
		long closeMs = gtd ? order.goodTillMs : lastFillMs + between(terms, 1_000, 60 * MINUTE_MS);
		if (closeMs >= endMs) {
			order.status = "PARTIALLY_FILLED";
			return;
		}
		order.status = gtd ? "EXPIRED" : "CANCELED";
		order.updateTimeMs = closeMs;
	}

	private void fill(GeneratedOrder order, long timeMs, long ticks, long steps, boolean maker) {
		BigDecimal price = symbol.price(ticks);
		BigDecimal qty = symbol.qty(steps);
		BigDecimal signed = order.side == Side.BUY ? qty : qty.negate();
		BigDecimal pnl = book.apply(signed, price);
		GeneratorFees.GeneratedCommission commission = fees.commission(symbol, price.multiply(qty), maker, timeMs);
		order.fills.add(new GeneratedFill(sequence.next(), order, timeMs, price, qty, pnl, commission.amount(),
				commission.asset(), maker));
		positionSteps += order.side.sign() * steps;
		lastFillMs = timeMs;
	}

	/**
	 * An order placed and never filled, noise the job must ignore: a limit order away from
	 * the market or a stop-loss / take-profit that never triggered, CANCELED within the hour,
	 * EXPIRED at its good-till date, or NEW when still working at the end of the history.
	 */
	private void cancelled(long atMs) {
		int kind = terms.nextInt(10);
		String type = kind < 7 ? GeneratorOrderTypes.LIMIT
				: kind < 9 ? GeneratorOrderTypes.STOP_MARKET : GeneratorOrderTypes.TAKE_PROFIT_MARKET;
		Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
		GeneratedOrder order = new GeneratedOrder(sequence.next(), type, side, positionSide);
		order.timeMs = Math.min(atMs, endMs - 1);
		long lifetime = between(random, 1_000, 60 * MINUTE_MS);
		order.origSteps = unitSteps(atMs);
		order.executedSteps = 0;
		long reference = path.ticksAt(order.timeMs);
		long away = Math.max(1, reference * between(terms, 10, 300) / 10_000);
		if (type.equals(GeneratorOrderTypes.LIMIT)) {
			// a resting bid below the market, or an ask above it
			order.limitTicks = side == Side.BUY ? Math.max(1, reference - away) : reference + away;
		}
		else {
			order.stopTicks = GeneratorOrderTypes.triggersOnRise(type, side) ? reference + away
					: Math.max(1, reference - away);
		}
		boolean gtd = type.equals(GeneratorOrderTypes.LIMIT) && chance(terms, 20);
		long closeMs = order.timeMs + lifetime;
		if (gtd) {
			order.timeInForce = GeneratorOrderTypes.GTD;
			order.goodTillMs = ceilToSecond(order.timeMs + GTD_MIN_MS + lifetime);
			closeMs = order.goodTillMs;
		}
		if (closeMs >= endMs) {
			order.status = "NEW";
			order.updateTimeMs = order.timeMs;
		}
		else {
			order.status = gtd ? "EXPIRED" : "CANCELED";
			order.updateTimeMs = closeMs;
		}
		orders.add(order);
	}

	private static long ceilToSecond(long timeMs) {
		return Math.floorDiv(timeMs + 999, 1_000) * 1_000;
	}

	/** Position size for a notional of 1,000 to 20,000 in the quote asset, at least one step. */
	private long unitSteps(long atMs) {
		long notional = between(random, 1_000, 20_000);
		long scale = pow10(symbol.qtyScale() + symbol.priceScale());
		return Math.max(1, notional * scale / path.ticksAt(atMs));
	}

	private int fillCount(long steps) {
		int draw = random.nextInt(10);
		int count = draw < 5 ? 1 : draw < 8 ? 2 : 3;
		return (int) Math.min(count, steps);
	}

	private long[] split(long steps, int parts) {
		long[] cuts = new long[parts + 1];
		cuts[parts] = steps;
		for (int i = 1; i < parts; i++) {
			cuts[i] = between(random, 1, steps - 1);
		}
		Arrays.sort(cuts, 1, parts);
		long[] sizes = new long[parts];
		int count = 0;
		for (int i = 0; i < parts; i++) {
			long size = cuts[i + 1] - cuts[i];
			if (size > 0) {
				sizes[count++] = size;
			}
		}
		return Arrays.copyOf(sizes, count);
	}

	private long[] orderTimes(long start, long finish, int count) {
		long[] times = new long[count];
		times[0] = start;
		times[count - 1] = finish;
		for (int i = 1; i < count - 1; i++) {
			times[i] = between(random, start, finish);
		}
		Arrays.sort(times);
		return times;
	}

	private long clamp(long timeMs) {
		return Math.min(limitMs, Math.max(timeMs, lastFillMs));
	}

	private static long pow10(int exponent) {
		long value = 1;
		for (int i = 0; i < exponent; i++) {
			value *= 10;
		}
		return value;
	}
}
