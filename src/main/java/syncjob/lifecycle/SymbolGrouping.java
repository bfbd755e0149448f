package syncjob.lifecycle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One symbol's fills with their commissions settled against its trade income, and grouped into
 * lifecycles: where both {@link SymbolPipeline#needs} and {@link SymbolPipeline#process} start.
 * On a large symbol this is a large share of the pipeline's time, so the job settles and groups
 * once, when it asks what the rows need, and hands the result on to {@code process}.
 * <p>
 * It keeps the inputs it was made from; {@code process} takes it only for a {@link SymbolInput}
 * with the same symbol, fills, start positions and income (the same lists, or equal ones).
 */
public final class SymbolGrouping {

	private final String symbol;

	private final List<Fill> fills;

	private final Map<StreamKey, BigDecimal> startPositions;

	private final List<IncomeRecord> income;

	private final List<Fill> settled;

	private final GroupingResult grouping;

	private SymbolGrouping(String symbol, List<Fill> fills, Map<StreamKey, BigDecimal> startPositions,
			List<IncomeRecord> income) {
		this.symbol = Objects.requireNonNull(symbol, "symbol");
		// copied as SymbolInput copies them: a SymbolInput made from these lists holds these very lists
		this.fills = List.copyOf(fills);
		this.startPositions = startPositions == null ? Map.of() : Map.copyOf(startPositions);
		this.income = income == null ? List.of() : List.copyOf(income);
		// the trade income by fill is not kept: the job holds a batch's groupings until their rows are
		// written, and by fill it weighs more than the lifecycles; process makes it again, in one pass
		this.settled = Commissions.normalize(this.fills.stream().distinct().toList(), TradeIncome.of(symbol, this.income))
			.fills();
		this.grouping = Lifecycles.groupDistinct(symbol, this.settled, this.startPositions);
	}

	/**
	 * @param fills          as {@link SymbolInput#fills}
	 * @param startPositions as {@link SymbolInput#startPositions}
	 * @param income         as {@link SymbolInput#income} (the COMMISSION records settle each fill's sign)
	 */
	public static SymbolGrouping of(String symbol, List<Fill> fills, Map<StreamKey, BigDecimal> startPositions,
			List<IncomeRecord> income) {
		return new SymbolGrouping(symbol, fills, startPositions, income);
	}

	static SymbolGrouping of(SymbolInput input) {
		return new SymbolGrouping(input.symbol(), input.fills(), input.startPositions(), input.income());
	}

	/** The fills as given (before settling), for the {@link SymbolInput} the grouping is handed to. */
	public List<Fill> fills() {
		return this.fills;
	}

	/** The start positions as given. */
	public Map<StreamKey, BigDecimal> startPositions() {
		return this.startPositions;
	}

	/** The income as given. */
	public List<IncomeRecord> income() {
		return this.income;
	}

	/** The distinct fills, commissions settled. */
	List<Fill> settled() {
		return this.settled;
	}

	GroupingResult grouping() {
		return this.grouping;
	}

	/** Whether this is the grouping of the input's fills, start positions and income. */
	boolean isOf(SymbolInput input) {
		return this.symbol.equals(input.symbol()) && same(this.fills, input.fills())
				&& same(this.startPositions, input.startPositions()) && same(this.income, input.income());
	}

	private static boolean same(Object mine, Object theirs) {
		return mine == theirs || mine.equals(theirs);
	}

}
