package syncjob.job;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import syncjob.binance.PagingFact;
import syncjob.binance.PagingFactsStore;
import syncjob.journal.ExchangeFactsStore;

/**
 * The binance client's paging facts, kept in the journal database per exchange base URL. A fact is
 * established while a partition reads, inside its chunk transaction: it is saved in a transaction
 * of its own, one at a time, so that it neither waits for nor rolls back with the partition, and
 * partitions establishing the same fact at once do not collide. Saving is a record for later runs,
 * never a reason to fail this one.
 */
final class StoredPagingFacts implements PagingFactsStore {

	private static final Logger log = LoggerFactory.getLogger(StoredPagingFacts.class);

	private final ExchangeFactsStore store;

	private final String baseUrl;

	private final TransactionTemplate ownTransaction;

	StoredPagingFacts(ExchangeFactsStore store, String baseUrl, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.baseUrl = baseUrl;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public List<PagingFact> load() {
		return this.store.load(this.baseUrl)
			.stream()
			.map((fact) -> new PagingFact(fact.endpoint(), fact.reachesAtLeast(), fact.reachesLessThan(),
					fact.establishedAt(), fact.evidence()))
			.toList();
	}

	@Override
	public synchronized void save(PagingFact fact) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.store.save(this.baseUrl,
					new ExchangeFactsStore.Fact(fact.endpoint(), fact.reachesAtLeast(), fact.reachesLessThan(),
							fact.establishedAt(), fact.evidence())));
		}
		catch (RuntimeException ex) {
			log.warn("Could not record what was established about {} ({}): {}", this.baseUrl, fact.describe(),
					ex.getMessage());
		}
	}

}
