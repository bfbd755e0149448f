import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's raw download bound (not part of the product): replays every successful
 * request of a run's request log with a plain HTTP client, signed afresh, {@code threads} at
 * a time, and parses each body as JSON, so it costs what the job's transfers cost without
 * any of its logic. Prints {@code seconds requests rows}.
 *
 * <pre>java -cp 'extracted/lib/*' scripts/RawBound.java BASE_URL KEY SECRET REQUEST_LOG THREADS</pre>
 */
public class RawBound {

	public static void main(String[] args) throws Exception {
		String baseUrl = args[0];
		String key = args[1];
		SecretKeySpec secret = new SecretKeySpec(args[2].getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		int threads = Integer.parseInt(args[4]);
		ObjectMapper json = new ObjectMapper();
		List<String> queries = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(args[3]))) {
			JsonNode entry = json.readTree(line);
			if (entry.path("status").asInt() != 200) {
				continue;
			}
			StringBuilder query = new StringBuilder(entry.path("path").asText()).append('?');
			for (Iterator<Map.Entry<String, JsonNode>> it = entry.path("params").fields(); it.hasNext();) {
				Map.Entry<String, JsonNode> param = it.next();
				if (!param.getKey().equals("timestamp") && !param.getKey().equals("signature")) {
					query.append(param.getKey())
						.append('=')
						.append(URLEncoder.encode(param.getValue().asText(), StandardCharsets.UTF_8))
						.append('&');
				}
			}
			queries.add(query.toString());
		}
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		AtomicLong rows = new AtomicLong();
		AtomicLong refused = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		List<Future<?>> done = new ArrayList<>();
		for (String query : queries) {
			done.add(pool.submit(() -> {
				String signed = query + "timestamp=" + System.currentTimeMillis();
				String path = signed.substring(0, signed.indexOf('?'));
				String params = signed.substring(signed.indexOf('?') + 1);
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(secret);
				String signature = HexFormat.of().formatHex(mac.doFinal(params.getBytes(StandardCharsets.UTF_8)));
				HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path + "?" + params + "&signature=" + signature))
					.header("X-MBX-APIKEY", key)
					.GET()
					.build();
				HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					// the replay comes minutes after the run: what has since passed the exchange's
					// retention is refused now; its round trip still counts, its rows do not
					refused.incrementAndGet();
					return null;
				}
				JsonNode body = json.readTree(response.body());
				rows.addAndGet(body.isArray() ? body.size() : 1);
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		pool.shutdown();
		if (refused.get() > 0) {
			System.err.printf("RawBound: %d of %d replayed requests were refused (past retention by now)%n", refused.get(),
					queries.size());
		}
		System.out.printf("%.3f %d %d%n", seconds, queries.size(), rows.get());
	}
}
