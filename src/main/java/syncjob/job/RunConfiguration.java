package syncjob.job;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

import syncjob.binance.BinanceClient;
import syncjob.binance.BinanceSettings;
import syncjob.binance.Sleeper;
import syncjob.binance.WeightBudget;
import syncjob.journal.AccountLocks;
import syncjob.journal.ExchangeFactsStore;
import syncjob.journal.KlinesCacheStore;
import syncjob.journal.Watermarks;

/**
 * The run around the job: the bound settings, the one Binance client, the account lock and
 * the runner the command line calls. Nothing here needs the command line: the context starts
 * from properties alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ BinanceSettings.class, SyncSettings.class })
class RunConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * How the client waits (backoff, weight budget, 429 and ban pauses); a bean beside the
	 * clock so that a test can run the client and the simulated exchange on one simulated time.
	 */
	@Bean
	@ConditionalOnMissingBean
	Sleeper binanceSleeper() {
		return Sleeper.SYSTEM;
	}

	/**
	 * One client, and so one weight budget, for every thread of the run. Lazy: a run that ends
	 * before the exchange (nothing to restart, a locked account) needs no credentials.
	 */
	@Bean(destroyMethod = "close")
	@Lazy
	BinanceClient binanceClient(BinanceSettings settings, Clock clock, Sleeper sleeper, ExchangeFactsStore facts,
			KlinesCacheStore klines, PlatformTransactionManager transactionManager,
			ObjectProvider<WeightBudget> sharedLane, ClientMetrics metrics) {
		// a run of several accounts in one process gives each account's job its lane of the IP's budget
		BinanceClient client = BinanceClient.create(settings, clock, sleeper,
				new StoredPagingFacts(facts, settings.baseUrl(), transactionManager),
				new StoredCandles(klines, settings.baseUrl(), transactionManager), sharedLane.getIfAvailable());
		client.listen(metrics);
		return client;
	}

	@Bean
	ExchangeSnapshot exchangeSnapshot(ObjectProvider<BinanceClient> client, Clock clock) {
		return new ExchangeSnapshot(client, clock);
	}

	@Bean
	AccountLocks accountLocks(DataSource dataSource) {
		return new AccountLocks(dataSource);
	}

	@Bean
	ReconciliationReports reconciliationReports() {
		return new ReconciliationReports();
	}

	@Bean
	SyncJobRunner syncJobRunner(JobOperator jobOperator, JobRepository jobRepository, Job job, AccountLocks locks,
			Watermarks watermarks, ExchangeSnapshot snapshot, BinanceSettings binance,
			ObjectProvider<BinanceClient> client, ReconciliationReports reports, DataSource dataSource, Clock clock) {
		return new SyncJobRunner(jobOperator, jobRepository, job, locks, new WindowResolver(watermarks, clock),
				snapshot, binance, client, reports, dataSource);
	}

	@Bean
	static BeanPostProcessor settingsBeforeDatabase(ObjectProvider<SyncSettings> sync,
			ObjectProvider<BinanceSettings> binance) {
		return new SettingsBeforeDatabase(sync, binance);
	}

}
