package syncjob.cli;

import java.util.List;
import java.util.Objects;

import syncjob.command.SyncRequest;

/**
 * A parsed command line: help, or the request with the mode and the settings for Spring Boot.
 * {@code accounts} are the names given by {@code accounts=}: empty for a run of one account
 * (unless an accounts file is configured).
 */
record CommandLine(boolean help, boolean demo, SyncRequest request, List<String> springArguments,
		List<String> accounts) {

	CommandLine {
		Objects.requireNonNull(request, "request");
		springArguments = List.copyOf(springArguments);
		accounts = List.copyOf(accounts);
	}

	CommandLine(boolean help, boolean demo, SyncRequest request, List<String> springArguments) {
		this(help, demo, request, springArguments, List.of());
	}

	static CommandLine helpOnly() {
		return new CommandLine(true, false, SyncRequest.of(SyncRequest.DEFAULT_ACCOUNT), List.of());
	}

}
