package syncjob.binance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A MockWebServer dispatcher in front of the simulated exchange, for what only bytes on the wire
 * show: it records each request's raw query and API-key header, and answers the next requests to
 * a path with scripted responses (a status sequence, a malformed body). It has no rules of its
 * own: every other request is passed to the simulated exchange and its answer passed back.
 */
final class ScriptedFront extends Dispatcher {

	private static final List<String> PASSED_HEADERS = List.of("Content-Type", BinanceCaller.USED_WEIGHT_HEADER,
			"Retry-After");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String exchangeBaseUrl;

	private final Map<String, Deque<MockResponse>> scripted = new HashMap<>();

	private final List<Seen> requests = new ArrayList<>();

	ScriptedFront(String exchangeBaseUrl) {
		this.exchangeBaseUrl = exchangeBaseUrl;
	}

	/** A request as it arrived: path, raw (still encoded) query, and the API-key header. */
	record Seen(String path, String rawQuery, String apiKey) {

		/** The signature sent last in the query, or null. */
		String signature() {
			int at = rawQuery.lastIndexOf("&signature=");
			return at < 0 ? null : rawQuery.substring(at + "&signature=".length());
		}

		/** The query as signed: everything before {@code &signature=}. */
		String signedPayload() {
			int at = rawQuery.lastIndexOf("&signature=");
			return at < 0 ? rawQuery : rawQuery.substring(0, at);
		}
	}

	/** The next requests to {@code path} get these responses, in order, before the exchange answers again. */
	synchronized void script(String path, MockResponse... responses) {
		Deque<MockResponse> queue = scripted.computeIfAbsent(path, p -> new ArrayDeque<>());
		for (MockResponse response : responses) {
			queue.add(response);
		}
	}

	static MockResponse error(int status, int code, String msg) {
		return new MockResponse().setResponseCode(status)
			.setHeader("Content-Type", "application/json")
			.setBody("{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
	}

	synchronized List<Seen> requests(String path) {
		return requests.stream().filter(seen -> seen.path().equals(path)).toList();
	}

	/** Blocks until {@code count} requests to {@code path} have arrived (a test's latch, no sleeping). */
	synchronized void awaitRequests(String path, int count) throws InterruptedException {
		while (requests(path).size() < count) {
			wait();
		}
	}

	/** Every signature sent so far. */
	synchronized List<String> signatures() {
		return requests.stream().map(Seen::signature).filter(signature -> signature != null).toList();
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String target = request.getPath();
		String path = request.getRequestUrl().encodedPath();
		MockResponse script;
		synchronized (this) {
			requests.add(new Seen(path, target.contains("?") ? target.substring(target.indexOf('?') + 1) : "",
					request.getHeader(SigningInterceptor.API_KEY_HEADER)));
			notifyAll();
			Deque<MockResponse> queue = scripted.get(path);
			script = queue == null ? null : queue.poll();
		}
		return script != null ? script : forward(target, request.getHeader(SigningInterceptor.API_KEY_HEADER));
	}

	private MockResponse forward(String target, String apiKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(exchangeBaseUrl + target)).GET();
		if (apiKey != null) {
			request.header(SigningInterceptor.API_KEY_HEADER, apiKey);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			MockResponse answer = new MockResponse().setResponseCode(response.statusCode()).setBody(response.body());
			for (String header : PASSED_HEADERS) {
				response.headers().firstValue(header).ifPresent(value -> answer.setHeader(header, value));
			}
			return answer;
		}
		catch (IOException e) {
			// the exchange dropped the connection: so does the front
			return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START);
		}
	}
}
