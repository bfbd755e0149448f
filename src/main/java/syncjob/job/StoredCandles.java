package syncjob.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import syncjob.binance.CandleStore;
import syncjob.journal.KlinesCacheStore;
import syncjob.lifecycle.Candle;
import syncjob.lifecycle.KlineInterval;

/**
 * The binance client's klines cache, kept in the journal database per exchange base URL. Candles
 * are served while a partition reads, inside its chunk transaction: they are saved in a
 * transaction of their own, so that they neither wait for nor roll back with the partition, and
 * partitions caching the same candle at once do not hold each other up. The cache saves requests
 * for later runs; a save that fails is never a reason to fail this one.
 */
final class StoredCandles implements CandleStore {

	private static final Logger log = LoggerFactory.getLogger(StoredCandles.class);

	private final KlinesCacheStore store;

	private final String baseUrl;

	private final TransactionTemplate ownTransaction;

	StoredCandles(KlinesCacheStore store, String baseUrl, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.baseUrl = baseUrl;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public List<Candle> load(String symbol, KlineInterval interval, Instant firstOpenTime, Instant lastOpenTime) {
		return this.store.load(this.baseUrl, symbol, interval, firstOpenTime, lastOpenTime);
	}

	@Override
	public List<Candle> load(String symbol, KlineInterval interval, Collection<Instant> openTimes) {
		return this.store.load(this.baseUrl, symbol, interval, openTimes);
	}

	@Override
	public void save(String symbol, KlineInterval interval, List<Candle> closed) {
		try {
			this.ownTransaction
				.executeWithoutResult((status) -> this.store.save(this.baseUrl, symbol, interval, closed));
		}
		catch (RuntimeException ex) {
			log.warn("Could not cache {} {} klines of {} ({}); a later run asks Binance for them again",
					closed.size(), interval.code(), symbol, ex.getMessage());
		}
	}

}
