package syncjob.job;

import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

import syncjob.binance.BinanceClient;
import syncjob.binance.BinanceSettings;
import syncjob.binance.Sleeper;
import syncjob.cli.Console;
import syncjob.cli.Settings;
import syncjob.cli.SyncRequest;
import syncjob.cli.SyncSettings;
import syncjob.journal.AccountLocks;
import syncjob.journal.ExchangeFactsStore;
import syncjob.journal.Watermarks;
import syncjob.simulator.DemoExchange;

/** The run around the job: settings, the one Binance client, the account lock and the launcher. */
@Configuration(proxyBeanMethods = false)
class RunConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SyncSettings syncSettings(Environment environment) {
		return Settings.sync(Binder.get(environment));
	}

	@Bean
	BinanceSettings binanceSettings(Environment environment, ObjectProvider<DemoExchange> demo) {
		BinanceSettings configured = Settings.binance(Binder.get(environment));
		DemoExchange exchange = demo.getIfAvailable();
		return exchange == null ? configured
				: configured.withBaseUrl(exchange.baseUrl()).withCredentials(exchange.apiKey(), exchange.apiSecret());
	}

	/** {@code --demo}: a generated account on an in-process simulated exchange, no credentials needed. */
	@Bean(destroyMethod = "close")
	@Profile("demo")
	DemoExchange demoExchange(Clock clock) {
		return DemoExchange.start(clock.instant());
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

	/** One client, and so one weight budget, for every thread of the run. */
	@Bean(destroyMethod = "close")
	BinanceClient binanceClient(BinanceSettings settings, Clock clock, Sleeper sleeper, ExchangeFactsStore facts) {
		return BinanceClient.create(settings, clock, sleeper, new StoredPagingFacts(facts, settings.baseUrl()));
	}

	@Bean
	AccountLocks accountLocks(DataSource dataSource) {
		return new AccountLocks(dataSource);
	}

	@Bean
	SyncLauncher syncLauncher(SyncRequest request, JobOperator jobOperator, JobRepository jobRepository, Job job,
			AccountLocks locks, Watermarks watermarks, ExchangeSnapshot snapshot, Clock clock, Console console,
			BinanceClient client) {
		return new SyncLauncher(request, jobOperator, jobRepository, job, locks, watermarks, snapshot, clock,
				console.err(), client);
	}

	/**
	 * Partitions hold a connection for their whole chunk; the lock, the repository and the
	 * notifier need theirs too, so the pool grows with the configured concurrency.
	 */
	@Bean
	static BeanPostProcessor poolSizedForPartitions(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari) {
					int needed = Settings.sync(Binder.get(environment)).maxParallelPartitions() + 4;
					if (hikari.getMaximumPoolSize() < needed) {
						hikari.setMaximumPoolSize(needed);
					}
				}
				return bean;
			}
		};
	}

}
