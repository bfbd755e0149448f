package syncjob.job;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import syncjob.SyncJobApplication;
import syncjob.simulator.GeneratorConfig;
import syncjob.testing.ExchangeFixture;
import syncjob.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's structured console logging, the command's standard output is JSON lines
 * only (no status line, the summary on standard error), and every line of the run carries the
 * account, and the execution id once there is one.
 */
class StructuredLogsTests {

	private static final String ACCOUNT = "json";

	private TestDatabase database;

	private ExchangeFixture exchange;

	@BeforeEach
	void start() {
		this.database = TestDatabase.h2File();
		this.exchange = ExchangeFixture.start(GeneratorConfig.of(23, 6, 30, Instant.now()));
	}

	@AfterEach
	void stop() {
		this.exchange.close();
		this.database.close();
	}

	@Test
	void everyStdoutLineIsJsonWithTheAccountAndTheExecutionId(@TempDir Path dir) throws Exception {
		// the jar's classpath: without the test classes, whose logback-test.xml would replace Spring Boot's logging
		String classpath = Arrays
			.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(Collectors.joining(File.pathSeparator));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", classpath, SyncJobApplication.class.getName()));
		command.addAll(List.of(this.database.properties()));
		command.addAll(this.exchange.options());
		command.addAll(List.of("--logging.structured.format.console=ecs", "account=" + ACCOUNT,
				"from=" + this.exchange.end().minus(Duration.ofDays(10))));
		File out = dir.resolve("out").toFile();
		File err = dir.resolve("err").toFile();
		Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the run ends").isTrue();
		List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
		String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);

		assertThat(process.exitValue()).as(stderr).isZero();
		ObjectMapper json = new ObjectMapper();
		List<JsonNode> events = new ArrayList<>();
		for (String line : lines) {
			events.add(json.readTree(line));
		}
		assertThat(events).as("the run logged").hasSizeGreaterThan(5);
		assertThat(events).allSatisfy((event) -> assertThat(event.path("account").asText()).isEqualTo(ACCOUNT));
		List<JsonNode> batches = events.stream()
			.filter((event) -> event.path("message").asText().startsWith("Finished batch"))
			.toList();
		assertThat(batches).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.path("executionId").asText()).isEqualTo("1"));
		assertThat(stderr).as("the summary").contains("Account: " + ACCOUNT + " (execution 1)", "Result:  exit 0");
	}

}
