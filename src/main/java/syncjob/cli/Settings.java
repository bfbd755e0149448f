package syncjob.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

import syncjob.binance.BinanceSettings;
import syncjob.binance.PagingMode;

/**
 * Reads the {@code binance.*} and {@code sync.*} settings from every property source Spring
 * Boot knows (options, environment, application.yml, built-in defaults), and turns a value
 * that cannot be read into a usage error naming the setting.
 */
public final class Settings {

	private Settings() {
	}

	public static BinanceSettings binance(Binder binder) {
		BinanceSettings d = BinanceSettings.defaults();
		return new BinanceSettings(value(binder, "binance.base-url", String.class, d.baseUrl()),
				value(binder, "binance.api-key", String.class, d.apiKey()),
				value(binder, "binance.api-secret", String.class, d.apiSecret()),
				value(binder, "binance.recv-window", Duration.class, d.recvWindow()),
				value(binder, "binance.connect-timeout", Duration.class, d.connectTimeout()),
				value(binder, "binance.read-timeout", Duration.class, d.readTimeout()),
				value(binder, "binance.max-retries", Integer.class, d.maxRetries()),
				value(binder, "binance.max-ban-wait", Duration.class, d.maxBanWait()),
				value(binder, "binance.trade-retention-days", Integer.class, d.tradeRetentionDays()),
				value(binder, "binance.time-resync-interval", Duration.class, d.timeResyncInterval()),
				value(binder, "binance.paging", PagingMode.class, d.paging()));
	}

	public static SyncSettings sync(Binder binder) {
		return new SyncSettings(value(binder, "sync.symbols-per-partition", Integer.class, 4),
				value(binder, "sync.max-parallel-partitions", Integer.class, 4),
				value(binder, "sync.include-orders", Boolean.class, true),
				binder.bind("sync.symbols", Bindable.listOf(String.class)).orElse(List.of()));
	}

	/** Problems with the sync settings, each naming the fix. */
	static List<String> problems(SyncSettings sync) {
		List<String> problems = new ArrayList<>();
		if (sync.symbolsPerPartition() <= 0) {
			problems.add("sync.symbols-per-partition=" + sync.symbolsPerPartition()
					+ " must be a positive whole number: set it to 1 or more (default 4)");
		}
		if (sync.maxParallelPartitions() <= 0) {
			problems.add("sync.max-parallel-partitions=" + sync.maxParallelPartitions()
					+ " must be a positive whole number: set it to 1 or more (default 4)");
		}
		return problems;
	}

	private static <T> T value(Binder binder, String name, Class<T> type, T fallback) {
		try {
			return binder.bind(name, type).orElse(fallback);
		}
		catch (BindException ex) {
			throw new UsageException(name + " has a value that is not a valid " + type.getSimpleName().toLowerCase()
					+ ": fix it in application.yml, the environment or the --" + name + " option");
		}
	}

}
