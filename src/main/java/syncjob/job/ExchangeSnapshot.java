package syncjob.job;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.ObjectProvider;

import syncjob.binance.BinanceClient;
import syncjob.binance.ExchangeInfo;
import syncjob.lifecycle.PositionSnapshot;
import syncjob.lifecycle.StreamKey;

/**
 * What one process run reads from the exchange once: quote assets, the weight limit, and
 * the current positions with the time they were read (fills after that instant must not
 * enter the position arithmetic). Taken afresh by every run, restarts included, because
 * positions move between runs. The first call is also the credential check.
 */
final class ExchangeSnapshot {

	private static final List<String> QUOTES = List.of("USDT", "USDC", "BUSD", "FDUSD", "BTC", "ETH");

	private final ObjectProvider<BinanceClient> client;

	private final Clock clock;

	private volatile Taken taken;

	private volatile boolean reached;

	/** The client is built at the first {@link #get()}: a run that never reaches the exchange needs none. */
	ExchangeSnapshot(ObjectProvider<BinanceClient> client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	Taken get() {
		Taken current = this.taken;
		if (current == null) {
			synchronized (this) {
				current = this.taken;
				if (current == null) {
					BinanceClient binance = this.client.getObject();
					this.reached = true;
					ExchangeInfo info = binance.exchangeInfo();
					Instant at = this.clock.instant();
					List<PositionSnapshot> positions = binance.positions();
					current = new Taken(info, positions, at);
					this.taken = current;
				}
			}
		}
		return current;
	}

	/**
	 * The reading a partition of {@code jobContext}'s execution works from: the one its remote
	 * manager shared ({@link SharedSnapshot}), with this process's exchange info; else this
	 * process's own.
	 */
	Taken forJob(ExecutionContext jobContext) {
		return SharedSnapshot.read(jobContext)
			.map((shared) -> new Taken(get().info(), shared.positions(), shared.at()))
			.orElseGet(this::get);
	}

	/** Whether a run got as far as calling the exchange (its client exists then). */
	boolean reached() {
		return this.reached;
	}

	record Taken(ExchangeInfo info, List<PositionSnapshot> positions, Instant at) {

		String quoteAsset(String symbol) {
			String quote = this.info.quoteAssetBySymbol().get(symbol);
			if (quote != null) {
				return quote;
			}
			// A delisted symbol is absent from exchangeInfo; its name still ends in its quote asset.
			return QUOTES.stream().filter(symbol::endsWith).findFirst().orElse("USDT");
		}

		Map<StreamKey, BigDecimal> positionsOf(String symbol) {
			Map<StreamKey, BigDecimal> bySide = new HashMap<>();
			for (PositionSnapshot p : this.positions) {
				if (p.symbol().equals(symbol) && p.positionAmt().signum() != 0) {
					bySide.merge(p.stream(), p.positionAmt(), BigDecimal::add);
				}
			}
			return Map.copyOf(bySide);
		}

	}

}
