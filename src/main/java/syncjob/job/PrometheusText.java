package syncjob.job;

import java.util.Locale;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;

/**
 * The meters of a registry in Prometheus' text exposition format (version 0.0.4), as a
 * Pushgateway accepts it: names with dots as underscores, counters ending {@code _total},
 * timers as {@code _seconds_count}, {@code _seconds_sum} and {@code _seconds_max}. Written
 * here because no Prometheus registry ships with the application; the format is small.
 */
final class PrometheusText {

	private PrometheusText() {
	}

	static String of(MeterRegistry registry) {
		TreeMap<String, String> lines = new TreeMap<>();
		for (Meter meter : registry.getMeters()) {
			String base = name(meter.getId().getName());
			String labels = labels(meter);
			for (Measurement measurement : meter.measure()) {
				String name = base + suffix(meter.getId().getType(), measurement.getStatistic());
				lines.put(name + labels, format(measurement.getValue()));
			}
		}
		return lines.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue() + "\n").collect(Collectors.joining());
	}

	private static String suffix(Meter.Type type, Statistic statistic) {
		return switch (statistic) {
			case COUNT -> type == Meter.Type.COUNTER ? "_total" : type == Meter.Type.TIMER ? "_seconds_count" : "_count";
			case TOTAL_TIME -> "_seconds_sum";
			case TOTAL -> "_sum";
			case MAX -> type == Meter.Type.TIMER ? "_seconds_max" : "_max";
			case ACTIVE_TASKS -> "_active_count";
			case DURATION -> "_duration_seconds";
			default -> "";
		};
	}

	private static String name(String dotted) {
		return dotted.replaceAll("[^a-zA-Z0-9_:]", "_");
	}

	private static String labels(Meter meter) {
		if (meter.getId().getTags().isEmpty()) {
			return "";
		}
		return meter.getId()
			.getTags()
			.stream()
			.sorted(java.util.Comparator.comparing(Tag::getKey))
			.map((tag) -> name(tag.getKey()) + "=\"" + escape(tag.getValue()) + "\"")
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "NaN";
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%s", value);
	}

}
