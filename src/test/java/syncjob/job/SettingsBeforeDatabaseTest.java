package syncjob.job;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import syncjob.binance.BinanceSettings;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsBeforeDatabaseTest {

	private final Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

	private final StaticListableBeanFactory beans = new StaticListableBeanFactory(
			Map.of("sync", this.binder.bindOrCreate("sync", SyncSettings.class), "binance",
					this.binder.bindOrCreate("binance", BinanceSettings.class)));

	private final SettingsBeforeDatabase processor = new SettingsBeforeDatabase(
			this.beans.getBeanProvider(SyncSettings.class), this.beans.getBeanProvider(BinanceSettings.class));

	@Test
	void postgresqlGetsTheDriverSettings() {
		try (HikariDataSource dataSource = pool("jdbc:postgresql://127.0.0.1:5432/journal")) {
			this.processor.postProcessBeforeInitialization(dataSource, "dataSource");
			assertThat(dataSource.getDataSourceProperties()).containsEntry("binaryTransferDisable", "NUMERIC");
		}
	}

	@Test
	void theOperatorsDriverSettingWins() {
		try (HikariDataSource dataSource = pool("jdbc:postgresql://127.0.0.1:5432/journal")) {
			dataSource.addDataSourceProperty("binaryTransferDisable", "");
			this.processor.postProcessBeforeInitialization(dataSource, "dataSource");
			assertThat(dataSource.getDataSourceProperties()).containsEntry("binaryTransferDisable", "");
		}
	}

	@Test
	void h2GetsNoDriverSettings() {
		try (HikariDataSource dataSource = pool("jdbc:h2:mem:settings;MODE=PostgreSQL")) {
			this.processor.postProcessBeforeInitialization(dataSource, "dataSource");
			assertThat(dataSource.getDataSourceProperties()).isEmpty();
			assertThat(dataSource.getMaximumPoolSize()).isGreaterThanOrEqualTo(SyncJobConfiguration.SYMBOL_FETCH_THREADS);
		}
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		return dataSource;
	}

}
