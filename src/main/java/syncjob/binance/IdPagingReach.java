package syncjob.binance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What is established about how far back an id-only request of one endpoint reaches. Every
 * id-only page the client requests starts at a record it already holds, so the page itself is
 * the proof: it begins with that record when the request reached back to it, and does not when
 * it did not. Each answer narrows the reach to a range; an answer that contradicts what was
 * known before means the exchange changed, and the contradicted bound is dropped.
 */
public final class IdPagingReach {

	/** Whether id-only paging reaches data of a given age. */
	enum Verdict {

		REACHES, DOES_NOT_REACH, UNKNOWN

	}

	private final String endpoint;

	private final Consumer<PagingFact> onChange;

	private Duration atLeast;

	private Duration lessThan;

	private Instant establishedAt;

	private String evidence;

	IdPagingReach(String endpoint, PagingFact known, Consumer<PagingFact> onChange) {
		this.endpoint = endpoint;
		this.onChange = Objects.requireNonNull(onChange, "onChange");
		if (known != null) {
			this.atLeast = known.reachesAtLeast();
			this.lessThan = known.reachesLessThan();
			this.establishedAt = known.establishedAt();
			this.evidence = known.evidence();
		}
	}

	synchronized Verdict covers(Duration age) {
		if (this.atLeast != null && age.compareTo(this.atLeast) <= 0) {
			return Verdict.REACHES;
		}
		if (this.lessThan != null && age.compareTo(this.lessThan) >= 0) {
			return Verdict.DOES_NOT_REACH;
		}
		return Verdict.UNKNOWN;
	}

	/** An id-only page began with the record asked for, which was {@code age} old. */
	void reached(Duration age, Instant now, String what) {
		PagingFact changed;
		synchronized (this) {
			if (this.atLeast != null && age.compareTo(this.atLeast) <= 0) {
				return;
			}
			if (this.lessThan != null && age.compareTo(this.lessThan) >= 0) {
				this.lessThan = null;
			}
			this.atLeast = age;
			changed = record(now, what);
		}
		this.onChange.accept(changed);
	}

	/** An id-only page did not begin with the record asked for, which was {@code age} old. */
	void missed(Duration age, Instant now, String what) {
		PagingFact changed;
		synchronized (this) {
			if (this.lessThan != null && age.compareTo(this.lessThan) >= 0) {
				return;
			}
			if (this.atLeast != null && age.compareTo(this.atLeast) <= 0) {
				this.atLeast = null;
			}
			this.lessThan = age;
			changed = record(now, what);
		}
		this.onChange.accept(changed);
	}

	synchronized PagingFact fact() {
		return new PagingFact(this.endpoint, this.atLeast, this.lessThan, this.establishedAt, this.evidence);
	}

	private PagingFact record(Instant now, String what) {
		this.establishedAt = now;
		this.evidence = what;
		return fact();
	}

}
