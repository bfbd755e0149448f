package syncjob.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every request the exchange saw, in memory and, when a file is given, as JSON lines. */
final class RequestLog implements AutoCloseable {

	private final List<ClientRequest> entries = new ArrayList<>();

	private final BufferedWriter file;

	RequestLog(Path path) {
		this.file = path == null ? null : open(path);
	}

	private static BufferedWriter open(Path path) {
		try {
			if (path.getParent() != null) {
				Files.createDirectories(path.getParent());
			}
			return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the request log " + path, e);
		}
	}

	synchronized void record(RequestLogEntry entry, String client, String account) {
		ClientRequest request = new ClientRequest(client, account, entry);
		entries.add(request);
		if (file != null) {
			try {
				file.write(new String(ExchangeJson.bytes(line(request)), StandardCharsets.UTF_8));
				file.newLine();
				file.flush();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot write the request log", e);
			}
		}
	}

	synchronized List<RequestLogEntry> entries() {
		return entries.stream().map(ClientRequest::request).toList();
	}

	synchronized List<ClientRequest> clientRequests() {
		return List.copyOf(entries);
	}

	static ObjectNode line(ClientRequest request) {
		RequestLogEntry entry = request.request();
		ObjectNode line = ExchangeJson.object();
		line.put("time", entry.time().toString());
		line.put("method", entry.method());
		line.put("path", entry.path());
		ObjectNode params = line.putObject("params");
		entry.params().forEach(params::put);
		line.put("symbol", entry.symbol());
		line.put("weight", entry.weight());
		line.put("status", entry.status());
		line.put("client", request.client());
		line.put("account", request.account());
		return line;
	}

	@Override
	public synchronized void close() {
		if (file != null) {
			try {
				file.close();
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot close the request log", e);
			}
		}
	}
}
