package syncjob.job;

import java.time.Instant;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The identifying job parameters: whose account, and the window [from, to). Beside them, not
 * identifying, the exchange the execution reads (its base URL without credentials), so that
 * a restart refuses to finish the window from another exchange.
 */
record SyncWindow(String account, Instant from, Instant to) {

	static final String ACCOUNT = "account";

	static final String FROM = "from";

	static final String TO = "to";

	static final String EXCHANGE = "exchange";

	JobParameters toParameters() {
		return new JobParametersBuilder().addString(ACCOUNT, this.account, true)
			.addString(FROM, this.from.toString(), true)
			.addString(TO, this.to.toString(), true)
			.toJobParameters();
	}

	JobParameters toParameters(String exchange) {
		return new JobParametersBuilder(toParameters()).addString(EXCHANGE, exchange, false).toJobParameters();
	}

	static SyncWindow of(JobParameters parameters) {
		return new SyncWindow(parameters.getString(ACCOUNT), Instant.parse(parameters.getString(FROM)),
				Instant.parse(parameters.getString(TO)));
	}

	/** The exchange an execution read; empty for executions from before it was recorded. */
	static Optional<String> exchangeOf(JobParameters parameters) {
		return Optional.ofNullable(parameters.getString(EXCHANGE));
	}

}
