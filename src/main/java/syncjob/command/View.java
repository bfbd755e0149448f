package syncjob.command;

import java.util.Optional;

/**
 * What a read-only look at the journal answered: the text to print, or why it could not
 * answer (then nothing was shown and the exit code is 2).
 */
public record View(String text, Optional<String> refusal) {

	public static View of(String text) {
		return new View(text, Optional.empty());
	}

	public static View refused(String why) {
		return new View("", Optional.of(why));
	}

	public ExitCode exitCode() {
		return this.refusal.isPresent() ? ExitCode.USAGE : ExitCode.OK;
	}

}
