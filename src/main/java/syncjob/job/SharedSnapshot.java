package syncjob.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.PositionSnapshot;

/**
 * The positions a manager read and when, kept in the job's execution context for its remote
 * workers. Every partition of an execution must do its position arithmetic from one reading:
 * the income step staged trade income up to that instant, and a worker reading positions on
 * its own later would count fills the income does not cover. Only non-zero positions, as
 * plain text: no credential, nothing but what the journal stores anyway.
 */
final class SharedSnapshot {

	private static final String AT = "remote.positionsAt";

	private static final String POSITIONS = "remote.positions";

	private SharedSnapshot() {
	}

	static void write(ExecutionContext jobContext, List<PositionSnapshot> positions, Instant at) {
		ArrayList<String> rows = new ArrayList<>();
		for (PositionSnapshot p : positions) {
			if (p.positionAmt().signum() != 0) {
				rows.add(String.join("|", p.symbol(), p.positionSide().name(), p.positionAmt().toPlainString(),
						p.entryPrice() == null ? "" : p.entryPrice().toPlainString(),
						p.updateTime() == null ? "" : p.updateTime().toString()));
			}
		}
		jobContext.put(POSITIONS, rows);
		jobContext.putString(AT, at.toString());
	}

	/** The reading, or empty when the execution was launched without a manager writing one. */
	@SuppressWarnings("unchecked")
	static Optional<Reading> read(ExecutionContext jobContext) {
		if (!jobContext.containsKey(AT)) {
			return Optional.empty();
		}
		List<PositionSnapshot> positions = new ArrayList<>();
		for (String row : (List<String>) jobContext.get(POSITIONS)) {
			String[] f = row.split("\\|", -1);
			positions.add(new PositionSnapshot(f[0], PositionSide.valueOf(f[1]), new BigDecimal(f[2]),
					f[3].isEmpty() ? null : new BigDecimal(f[3]), f[4].isEmpty() ? null : Instant.parse(f[4])));
		}
		return Optional.of(new Reading(List.copyOf(positions), Instant.parse(jobContext.getString(AT))));
	}

	record Reading(List<PositionSnapshot> positions, Instant at) {

	}

}
