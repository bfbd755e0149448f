package syncjob.job;

import java.util.List;

import syncjob.binance.PagingFact;
import syncjob.binance.PagingFactsStore;
import syncjob.journal.ExchangeFactsStore;

/** The binance client's paging facts, kept in the journal database per exchange base URL. */
final class StoredPagingFacts implements PagingFactsStore {

	private final ExchangeFactsStore store;

	private final String baseUrl;

	StoredPagingFacts(ExchangeFactsStore store, String baseUrl) {
		this.store = store;
		this.baseUrl = baseUrl;
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
	public void save(PagingFact fact) {
		this.store.save(this.baseUrl, new ExchangeFactsStore.Fact(fact.endpoint(), fact.reachesAtLeast(),
				fact.reachesLessThan(), fact.establishedAt(), fact.evidence()));
	}

}
