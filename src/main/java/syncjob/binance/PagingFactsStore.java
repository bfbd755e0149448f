package syncjob.binance;

import java.util.List;

/**
 * Where what a run establishes about id-only paging is kept for later runs against the same
 * exchange (the job keeps it in the journal database, per base URL).
 */
public interface PagingFactsStore {

	/** Keeps nothing: every run starts without knowledge. */
	PagingFactsStore NONE = new PagingFactsStore() {

		@Override
		public List<PagingFact> load() {
			return List.of();
		}

		@Override
		public void save(PagingFact fact) {
		}

	};

	List<PagingFact> load();

	void save(PagingFact fact);

}
