package syncjob.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where one credential is read when its account's run starts: an environment variable or a
 * file (such as a mounted Kubernetes secret). The value is read, never printed: problems
 * name the variable or the file.
 */
sealed interface CredentialSource {

	/** The value, or empty with {@code problem} told what is missing. */
	Optional<String> read(UnaryOperator<String> environment, java.util.function.Consumer<String> problem);

	/** An environment variable. */
	record Environment(String variable) implements CredentialSource {

		@Override
		public Optional<String> read(UnaryOperator<String> environment, java.util.function.Consumer<String> problem) {
			String value = environment.apply(variable);
			if (value == null || value.isBlank()) {
				problem.accept("environment variable " + variable + " is not set");
				return Optional.empty();
			}
			return Optional.of(value.strip());
		}

	}

	/** A file holding the value (surrounding white space ignored). */
	record File(Path path) implements CredentialSource {

		@Override
		public Optional<String> read(UnaryOperator<String> environment, java.util.function.Consumer<String> problem) {
			try {
				String value = Files.readString(path, StandardCharsets.UTF_8).strip();
				if (value.isEmpty()) {
					problem.accept("file " + path + " is empty");
					return Optional.empty();
				}
				return Optional.of(value);
			}
			catch (IOException ex) {
				problem.accept("file " + path + " cannot be read (" + ex.getClass().getSimpleName() + ")");
				return Optional.empty();
			}
		}

	}

}
