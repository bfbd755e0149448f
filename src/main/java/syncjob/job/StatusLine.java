package syncjob.job;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import syncjob.job.RunStatus.Snapshot;

/**
 * The live status line, from a snapshot and the time: what is done, and what the run is doing
 * now (waiting for the weight limit or a pause until a time, retrying, or the ETA). At most
 * {@link #WIDTH} columns: the less important parts go first when it would be wider.
 */
final class StatusLine {

	/** One less than the screen, so that a full line never makes a terminal wrap. */
	static final int WIDTH = 79;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private static final String WEIGHT_LIMIT = "weight limit";

	private static final Pattern HTTP = Pattern.compile("HTTP \\d{3}");

	private StatusLine() {
	}

	static String render(Snapshot s, Instant now) {
		String batches = s.batchCount() == 0 ? "fetching income" : "batch " + s.batchesDone() + "/" + s.batchCount();
		String symbols = s.symbolsDone() + " symbols";
		String trades = s.inserted() + " trades";
		String weight = s.weightLimit() == 0 ? "" : "weight " + s.weightUsed() + "/" + s.weightLimit();
		String doing = doing(s, now);
		// in order of what goes first when the line is too wide
		List<List<String>> tries = List.of(List.of(batches, symbols, trades, weight, doing),
				List.of(batches, trades, weight, doing), List.of(batches, symbols, trades, doing),
				List.of(batches, trades, doing), List.of(batches, doing));
		String line = "";
		for (List<String> parts : tries) {
			line = join(parts);
			if (line.length() <= WIDTH) {
				return line;
			}
		}
		return line.substring(0, WIDTH);
	}

	private static String doing(Snapshot s, Instant now) {
		if (s.waitingUntil().isPresent() && s.waitingUntil().get().isAfter(now)) {
			String reason = s.waitReason().orElse(WEIGHT_LIMIT);
			Matcher http = HTTP.matcher(reason);
			String why = reason.equals(WEIGHT_LIMIT) ? "waiting for weight limit"
					: "paused by Binance" + (http.find() ? " (" + http.group() + ")" : "");
			return why + " until " + CLOCK.format(s.waitingUntil().get());
		}
		if (s.retry().isPresent()) {
			return shortReason(s.retry().get());
		}
		return "ETA " + eta(s, now);
	}

	/** The start of a reason, up to its first parenthesis or colon: "rate limited by Binance (HTTP 429)". */
	private static String shortReason(String reason) {
		String cut = reason.replaceAll("\\s*code -?\\d+.*$", "").replaceAll(":.*$", "");
		return cut.length() > 40 ? cut.substring(0, 40) : cut;
	}

	static String eta(Snapshot s, Instant now) {
		if (s.batchesDoneNow() == 0 || s.batchCount() == 0) {
			return "--:--";
		}
		int remaining = Math.max(0, s.batchCount() - s.batchesDone());
		Duration elapsed = Duration.between(s.started(), now);
		return PartitionProgress.format(elapsed.multipliedBy(remaining).dividedBy(s.batchesDoneNow()));
	}

	private static String join(List<String> parts) {
		List<String> shown = new ArrayList<>();
		for (String part : parts) {
			if (!part.isEmpty()) {
				shown.add(part);
			}
		}
		return String.join(" | ", shown);
	}

}
