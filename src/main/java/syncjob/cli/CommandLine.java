package syncjob.cli;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import syncjob.command.SyncRequest;

/**
 * A parsed command line: help, a read-only look at the journal, or the request with the mode
 * and the settings for Spring Boot. {@code accounts} are the names given by {@code accounts=}:
 * empty for a run of one account (unless an accounts file is configured).
 */
record CommandLine(boolean help, boolean demo, SyncRequest request, List<String> springArguments,
		Optional<Look> look, List<String> accounts) {

	CommandLine {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(look, "look");
		springArguments = List.copyOf(springArguments);
		accounts = List.copyOf(accounts);
	}

	CommandLine(boolean help, boolean demo, SyncRequest request, List<String> springArguments) {
		this(help, demo, request, springArguments, Optional.empty(), List.of());
	}

	static CommandLine helpOnly() {
		return new CommandLine(true, false, SyncRequest.of(SyncRequest.DEFAULT_ACCOUNT), List.of());
	}

	/** A read-only look instead of a sync: {@code --report[=ID]}, {@code --status}, {@code --sql QUERY}. */
	sealed interface Look {

	}

	record Report(Optional<Long> executionId) implements Look {

	}

	record Status() implements Look {

	}

	record Sql(String query) implements Look {

	}

}
