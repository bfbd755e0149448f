package syncjob.job;

import java.time.Instant;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** The identifying job parameters: whose account, and the window [from, to). */
record SyncWindow(String account, Instant from, Instant to) {

	static final String ACCOUNT = "account";

	static final String FROM = "from";

	static final String TO = "to";

	JobParameters toParameters() {
		return new JobParametersBuilder().addString(ACCOUNT, this.account, true)
			.addString(FROM, this.from.toString(), true)
			.addString(TO, this.to.toString(), true)
			.toJobParameters();
	}

	static SyncWindow of(JobParameters parameters) {
		return new SyncWindow(parameters.getString(ACCOUNT), Instant.parse(parameters.getString(FROM)),
				Instant.parse(parameters.getString(TO)));
	}

}
