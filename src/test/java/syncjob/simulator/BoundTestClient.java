package syncjob.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client whose connections leave from a chosen loopback address (127.0.0.2, 127.0.0.3...),
 * as a machine with its own IP would: plain HTTP/1.1 over a socket bound before it connects,
 * one request per connection, signed with one served account's credentials.
 */
final class BoundTestClient {

	private final SimulatedExchange exchange;

	private final InetAddress local;

	private final Clock clock;

	BoundTestClient(SimulatedExchange exchange, String localAddress, Clock clock) {
		this.exchange = exchange;
		this.clock = clock;
		try {
			this.local = InetAddress.getByName(localAddress);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An unsigned GET. */
	Reply get(String path) {
		return send(path, "", null);
	}

	/** A signed GET as {@code account}: the client clock's timestamp, its signature and its key. */
	Reply signed(ServedAccount account, String path, String query) {
		String withTime = (query.isEmpty() ? "" : query + "&") + "timestamp=" + clock.millis();
		return send(path, withTime + "&signature=" + ExchangeTestClient.hmacHex(account.apiSecret(), withTime),
				account.apiKey());
	}

	Reply send(String path, String rawQuery, String apiKey) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(local, 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), exchange.port()), 5_000);
			StringBuilder request = new StringBuilder("GET ").append(path)
				.append(rawQuery.isEmpty() ? "" : "?" + rawQuery)
				.append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
			if (apiKey != null) {
				request.append("X-MBX-APIKEY: ").append(apiKey).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return Reply.parse(readAll(socket.getInputStream()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toByteArray();
	}

	/** Status, headers (lower-case names) and body of one response. */
	record Reply(int status, Map<String, String> headers, String body) {

		static Reply parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			Map<String, String> headers = new TreeMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
		}

		int usedWeight() {
			return Integer.parseInt(headers.get("x-mbx-used-weight-1m"));
		}
	}
}
