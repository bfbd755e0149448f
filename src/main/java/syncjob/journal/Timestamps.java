package syncjob.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants go to and come from {@code TIMESTAMP WITH TIME ZONE} columns as UTC offsets. */
final class Timestamps {

	private Timestamps() {
	}

	/**
	 * Built from the epoch second: on Java 17 {@code OffsetDateTime.ofInstant} asks the offset for
	 * its rules, a new {@code ZoneRules} (with a map inside) per call, and a large sync binds two
	 * times per trade and reads one per staged income record.
	 */
	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null
				: OffsetDateTime.of(LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC),
						ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
