package syncjob.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A minimal Binance client for the server's tests: plain JDK HTTP and its own HMAC signing. */
final class ExchangeTestClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final SimulatedExchange exchange;

	private final Clock clock;

	ExchangeTestClient(SimulatedExchange exchange, Clock clock) {
		this.exchange = exchange;
		this.clock = clock;
	}

	static String hmacHex(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An unsigned GET. */
	Response get(String path) {
		return send(path, "", null);
	}

	/** A signed GET: appends the client clock's timestamp to {@code query}, signs, sends the key. */
	Response signed(String path, String query) {
		String withTime = (query.isEmpty() ? "" : query + "&") + "timestamp=" + clock.millis();
		return signedExactly(path, withTime);
	}

	/** Signs {@code query} exactly as given (it must carry its own timestamp). */
	Response signedExactly(String path, String query) {
		return send(path, query + "&signature=" + hmacHex(exchange.apiSecret(), query), exchange.apiKey());
	}

	/** Sends {@code rawQuery} untouched with the given key header (null: none). */
	Response send(String path, String rawQuery, String apiKey) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(exchange.baseUrl() + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery)))
			.GET();
		if (apiKey != null) {
			request.header("X-MBX-APIKEY", apiKey);
		}
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	String timestamp() {
		return "timestamp=" + clock.millis();
	}

	record Response(int status, byte[] bytes, HttpHeaders headers) {

		String body() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		JsonNode json() {
			try {
				return JSON.readTree(bytes);
			}
			catch (IOException e) {
				throw new UncheckedIOException("not JSON: " + body(), e);
			}
		}

		int code() {
			return json().path("code").asInt();
		}

		String msg() {
			return json().path("msg").asText();
		}

		int usedWeight() {
			return Integer.parseInt(headers.firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
		}

		long retryAfter() {
			return Long.parseLong(headers.firstValue("Retry-After").orElseThrow());
		}
	}
}
