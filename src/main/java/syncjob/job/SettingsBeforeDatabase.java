package syncjob.job;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

import syncjob.binance.BinanceSettings;
import syncjob.journal.PostgresDriverSettings;

/**
 * Binds and validates the settings when the journal's data source is created, before anything
 * can open a connection, so that a bad value fails the start having written nothing (an H2
 * file is not even created). Partitions hold a connection for their whole chunk, the threads
 * fetching their symbols may take one for the klines cache, and the lock, the repository and
 * the notifier need theirs too, so the pool grows with {@code sync.max-parallel-partitions}; a
 * pool too small would leave a partition waiting for a fetch that waits for a connection. The
 * pool opens connections as they are asked for, keeping only a few idle (unless configured).
 * On PostgreSQL the driver gets {@link PostgresDriverSettings} (unless configured otherwise).
 */
final class SettingsBeforeDatabase implements BeanPostProcessor {

	/** The account lock, the job repository, the notifier and one to spare. */
	private static final int CONNECTIONS_BESIDE_PARTITIONS = 4;

	private final ObjectProvider<SyncSettings> sync;

	private final ObjectProvider<BinanceSettings> binance;

	SettingsBeforeDatabase(ObjectProvider<SyncSettings> sync, ObjectProvider<BinanceSettings> binance) {
		this.sync = sync;
		this.binance = binance;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource) {
			this.binance.getObject();
			int needed = this.sync.getObject().maxParallelPartitions()
					+ SyncJobConfiguration.symbolFetchThreads(Runtime.getRuntime().maxMemory())
					+ CONNECTIONS_BESIDE_PARTITIONS;
			if (bean instanceof HikariDataSource hikari) {
				if (hikari.getMinimumIdle() < 0) {
					// unset: Hikari would open the whole pool at start
					hikari.setMinimumIdle(CONNECTIONS_BESIDE_PARTITIONS);
				}
				if (hikari.getMaximumPoolSize() < needed) {
					hikari.setMaximumPoolSize(needed);
				}
				PostgresDriverSettings.forUrl(hikari.getJdbcUrl()).forEach((name, value) -> {
					// spring.datasource.hikari.data-source-properties.* set by the operator win
					if (!hikari.getDataSourceProperties().containsKey(name)) {
						hikari.addDataSourceProperty(name, value);
					}
				});
			}
		}
		return bean;
	}

}
