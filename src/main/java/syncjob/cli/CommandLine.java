package syncjob.cli;

import java.util.List;
import java.util.Objects;

import syncjob.command.SyncRequest;

/** A parsed command line: help, or the request with the mode and the settings for Spring Boot. */
record CommandLine(boolean help, boolean demo, SyncRequest request, List<String> springArguments) {

	CommandLine {
		Objects.requireNonNull(request, "request");
		springArguments = List.copyOf(springArguments);
	}

	static CommandLine helpOnly() {
		return new CommandLine(true, false, SyncRequest.of(SyncRequest.DEFAULT_ACCOUNT), List.of());
	}

}
