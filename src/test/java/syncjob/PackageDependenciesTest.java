package syncjob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout is the architecture: arrows point inward to the domain, and nothing depends on
 * the batch wiring. Checked on the import lines of the main sources.
 */
class PackageDependenciesTest {

	private static final Path SOURCES = Path.of("src/main/java/syncjob");

	/** For each package, the import prefixes it must not use. */
	private static final Map<String, List<String>> FORBIDDEN = Map.of(
			"lifecycle", List.of("org.springframework", "okhttp3", "retrofit2", "java.sql", "javax.sql",
					"com.fasterxml", "syncjob.binance", "syncjob.journal", "syncjob.job", "syncjob.cli",
					"syncjob.simulator"),
			"binance", List.of("org.springframework", "java.sql", "javax.sql", "syncjob.journal", "syncjob.job",
					"syncjob.cli", "syncjob.simulator"),
			"simulator", List.of("org.springframework", "java.sql", "javax.sql", "okhttp3", "retrofit2",
					"syncjob.binance", "syncjob.journal", "syncjob.job", "syncjob.cli"),
			"journal", List.of("okhttp3", "retrofit2", "syncjob.binance", "syncjob.job", "syncjob.cli",
					"syncjob.simulator"),
			"cli", List.of("java.sql", "javax.sql", "okhttp3", "retrofit2", "syncjob.job", "syncjob.journal",
					"syncjob.simulator"));

	static Stream<String> packages() {
		return FORBIDDEN.keySet().stream().sorted();
	}

	@ParameterizedTest
	@MethodSource("packages")
	void packageImportsNothingItMustNotKnow(String name) {
		List<String> offending = imports(SOURCES.resolve(name))
			.filter((line) -> FORBIDDEN.get(name).stream().anyMatch((prefix) -> line.startsWith("import " + prefix)))
			.toList();

		assertThat(offending).as("imports of syncjob." + name).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("packages")
	void noPackageImportsTheBatchWiring(String name) {
		assertThat(imports(SOURCES.resolve(name)).filter((line) -> line.startsWith("import syncjob.job")))
			.isEmpty();
	}

	private static Stream<String> imports(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter((p) -> p.toString().endsWith(".java")).toList().stream().flatMap((p) -> {
				try {
					return Files.readAllLines(p).stream().map(String::strip).filter((l) -> l.startsWith("import "));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
