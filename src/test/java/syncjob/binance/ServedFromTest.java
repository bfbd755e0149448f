package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServedFromTest {

	private static final Instant NOW = Instant.parse("2026-11-30T15:59:30Z");

	/**
	 * An exchange that refuses a start older than its horizon and answers any other with its first
	 * record from the start on. Records every 8 hours on the hour (funding), the horizon just before
	 * one of them: the narrowing must not stop past that record, or the run would call it not served.
	 */
	@ParameterizedTest
	@ValueSource(longs = { 1, 30, 59 * 60, 59 * 60 + 58 })
	void theNarrowedStartLosesNoRecordServedAfterTheHorizon(long secondsBeforeRecord) {
		Instant record = Instant.parse("2026-09-11T16:00:00Z");
		Instant horizon = record.minusSeconds(secondsBeforeRecord);
		List<Instant> records = List.of(record.minus(Duration.ofHours(8)), record, record.plus(Duration.ofHours(8)),
				record.plus(Duration.ofHours(16)));
		AtomicInteger requests = new AtomicInteger();
		ServedFrom servedFrom = new ServedFrom("/fapi/v1/income");

		Optional<List<Instant>> oldest = servedFrom.call(NOW.minus(Duration.ofDays(366)), NOW, (start) -> {
			requests.incrementAndGet();
			if (start.isBefore(horizon)) {
				throw new BinanceResponseException("startTime too old", 400, -1130, null);
			}
			// a page of one record, as the horizon's probe asks
			return records.stream().filter((t) -> !t.isBefore(start)).limit(1).toList();
		});

		assertThat(oldest).contains(List.of(record));
		assertThat(servedFrom.horizon()).hasValueSatisfying(
				(found) -> assertThat(found).isAfterOrEqualTo(horizon).isBeforeOrEqualTo(record));
		assertThat(requests).as("a binary search to the second over a year").hasValueLessThanOrEqualTo(27);
	}

}
