package syncjob.cli;

import java.util.List;
import java.util.Map;

/**
 * How the run talks to the screen. On a terminal (and with plain logs) the progress is one
 * live status line, so the INFO lines and the client's retry warnings that would break it are
 * left out (the line carries the same facts, and the summary follows); with Spring Boot's structured (JSON) console logs,
 * standard output is for JSON lines only.
 */
final class Console {

	/** The property the job reads to draw the live line. */
	static final String TERMINAL = "syncjob.terminal";

	private static final String STRUCTURED = "logging.structured.format.console";

	private static final String LEVEL = "logging.level.syncjob";

	private Console() {
	}

	/** Whether the console logs are structured, from the options or the environment. */
	static boolean structuredLogs(List<String> arguments, Map<String, String> environment) {
		return arguments.stream().anyMatch((arg) -> arg.startsWith("--" + STRUCTURED + "="))
				|| environment.containsKey("LOGGING_STRUCTURED_FORMAT_CONSOLE");
	}

	/** The options that turn on the live line, keeping a log level the person chose. */
	static List<String> liveLineArguments(List<String> arguments) {
		boolean levelChosen = arguments.stream().anyMatch((arg) -> arg.startsWith("--" + LEVEL + "="));
		// warnings stay (a clamped window, an income horizon); the client's waits and retries are in the line
		return levelChosen ? List.of("--" + TERMINAL + "=true")
				: List.of("--" + TERMINAL + "=true", "--" + LEVEL + "=WARN", "--" + LEVEL + ".binance.BinanceCaller=ERROR");
	}

}
