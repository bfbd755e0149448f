package syncjob.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import syncjob.binance.SymbolFills;
import syncjob.lifecycle.CandleSource;
import syncjob.lifecycle.FillGap;
import syncjob.lifecycle.MinuteCloses;
import syncjob.lifecycle.ServedData;
import syncjob.lifecycle.ServedKlines;
import syncjob.lifecycle.SymbolGrouping;
import syncjob.lifecycle.SymbolInput;
import syncjob.lifecycle.SymbolOutcome;
import syncjob.lifecycle.SymbolPipeline;

/**
 * Settles, groups, proves complete, aggregates (with the detail columns), validates and takes the
 * open positions of one symbol with the lifecycle domain.
 */
class SymbolProcessor implements ItemProcessor<FetchedSymbol, ProcessedSymbol> {

	private static final Logger log = LoggerFactory.getLogger(SymbolProcessor.class);

	private final SyncWindow window;

	SymbolProcessor(SyncWindow window) {
		this.window = window;
	}

	@Override
	public ProcessedSymbol process(FetchedSymbol item) {
		SymbolFills fills = item.fills();
		ServedData served = new ServedData(item.orders().byId(), item.ordersFetched(), item.orders().notServed(),
				item.incomeServedFrom());
		ServedKlines klines = new ServedKlines(item.feePrices().map((closes) -> (MinuteCloses) closes),
				item.candles().map((candles) -> (CandleSource) candles));
		// the grouping's own copies of the fills and income: the input holds the lists it was made from
		SymbolGrouping grouped = item.grouped();
		SymbolOutcome outcome = SymbolPipeline.process(new SymbolInput(this.window.account(), fills.symbol(),
				item.quoteAsset(), this.window.from(), this.window.to(), item.now(), grouped.fills(),
				grouped.startPositions(), grouped.income(), fills.completeFrom(), served, klines), grouped);
		for (FillGap gap : outcome.gaps()) {
			log.warn("{}: a fill is missing from what Binance served ({}); lifecycles it makes unprovable are "
					+ "withheld, not recorded", fills.symbol(), gap.reason());
		}
		int lifecycles = outcome.trades().size() + outcome.rejected().size() + outcome.open().size()
				+ outcome.incomplete().size() + outcome.withheld().size();
		return new ProcessedSymbol(outcome, fills.fills().size(), lifecycles, item.calls(), item.weight());
	}

}
