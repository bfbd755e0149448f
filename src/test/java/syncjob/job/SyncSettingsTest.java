package syncjob.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The klines settings as Spring Boot binds them: on by default, off by their relaxed names. */
class SyncSettingsTest {

	@Test
	void theKlinesUsesAreOnByDefault() {
		SyncSettings settings = bind(Map.of());

		assertThat(settings.excursions()).isTrue();
		assertThat(settings.valueOtherFees()).isTrue();
		assertThat(settings.includeOrders()).isTrue();
	}

	@Test
	void eachIsTurnedOffOnItsOwn() {
		SyncSettings noExcursions = bind(Map.of("sync.excursions", "false"));
		SyncSettings noValuation = bind(Map.of("sync.value-other-fees", "false"));

		assertThat(noExcursions.excursions()).isFalse();
		assertThat(noExcursions.valueOtherFees()).isTrue();
		assertThat(noValuation.excursions()).isTrue();
		assertThat(noValuation.valueOtherFees()).isFalse();
	}

	@Test
	void symbolsFetchedAtOnceFollowTheHeapFromTwoToThirtyTwo() {
		assertThat(SyncJobConfiguration.symbolFetchThreads(64L << 20)).isEqualTo(2);
		assertThat(SyncJobConfiguration.symbolFetchThreads(256L << 20)).isEqualTo(4);
		assertThat(SyncJobConfiguration.symbolFetchThreads(1L << 30)).isEqualTo(16);
		assertThat(SyncJobConfiguration.symbolFetchThreads(2L << 30)).isEqualTo(32);
		assertThat(SyncJobConfiguration.symbolFetchThreads(24L << 30)).isEqualTo(32);
	}

	@Test
	void unsetParallelPartitionsFollowTheHeapFromTwoToThirtyTwo() {
		assertThat(SyncSettings.defaultMaxParallelPartitions(256L << 20)).isEqualTo(2);
		assertThat(SyncSettings.defaultMaxParallelPartitions(100L << 20)).isEqualTo(2);
		assertThat(SyncSettings.defaultMaxParallelPartitions(1L << 30)).isEqualTo(8);
		assertThat(SyncSettings.defaultMaxParallelPartitions(4L << 30)).isEqualTo(32);
		assertThat(SyncSettings.defaultMaxParallelPartitions(6L << 30)).isEqualTo(32);
		assertThat(bind(Map.of()).maxParallelPartitions())
			.isEqualTo(SyncSettings.defaultMaxParallelPartitions(Runtime.getRuntime().maxMemory()));
		assertThat(bind(Map.of("sync.max-parallel-partitions", "2")).maxParallelPartitions()).isEqualTo(2);
	}

	private static SyncSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("sync", SyncSettings.class);
	}

}
