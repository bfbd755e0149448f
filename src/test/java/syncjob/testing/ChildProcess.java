package syncjob.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import syncjob.SyncJobApplication;

/**
 * The command in a separate JVM, as an operator runs it, so a test can kill it. The test
 * waits on the child's own output lines, never on a timer.
 */
public final class ChildProcess implements AutoCloseable {

	private final Process process;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<String> seen = new ArrayList<>();

	private final Thread pump;

	private ChildProcess(Process process) {
		this.process = process;
		this.pump = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// the process is gone
			}
		}, "child-output");
		this.pump.setDaemon(true);
		this.pump.start();
	}

	public static ChildProcess start(List<String> args) throws IOException {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", classpath, SyncJobApplication.class.getName()));
		command.addAll(args);
		return new ChildProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/** Blocks until the child prints a line containing {@code text}; fails if it exits first. */
	public String awaitLine(String text, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String line = this.lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (line == null) {
				break;
			}
			this.seen.add(line);
			if (line.contains(text)) {
				return line;
			}
		}
		throw new AssertionError("the child never printed '" + text + "'; it printed:\n" + String.join("\n", this.seen));
	}

	/** Waits for the child to end by itself; returns its exit code. */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("the child did not end within " + timeout + "; it printed:\n" + output());
		}
		// the pipe closes with the process: the pump then has every line
		this.pump.join(timeout.toMillis());
		return this.process.exitValue();
	}

	/**
	 * Every line the child printed so far; once it has ended, after its output pipe closed, all
	 * of them.
	 */
	public String output() {
		this.lines.drainTo(this.seen);
		return String.join("\n", this.seen);
	}

	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/**
	 * Sends SIGTERM and waits for the child to end. Through its handle: {@link Process#destroy()}
	 * also closes this side's pipes, and the child's last lines would be lost.
	 */
	public int terminate(Duration timeout) throws InterruptedException {
		this.process.toHandle().destroy();
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("the child did not end within " + timeout + " of SIGTERM");
		}
		// the pipe closes with the process: the pump then has every line for output()
		this.pump.join(timeout.toMillis());
		return this.process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

}
