package syncjob.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import syncjob.simulator.SimulatedExchange;

/**
 * Another client on the same IP: spends the current minute's request weight up to exactly
 * the limit, with signed calls of weight 30 and 5 and unsigned ones of weight 1, so the
 * job's next call in that minute meets a 429 it did not cause.
 */
final class WeightBurner {

	private final SimulatedExchange exchange;

	private final Clock clock;

	private final int limit;

	private final HttpClient http = HttpClient.newHttpClient();

	WeightBurner(SimulatedExchange exchange, Clock clock, int limit) {
		this.exchange = exchange;
		this.clock = clock;
		this.limit = limit;
	}

	/** Spends what is left of the current minute; returns the weight spent. */
	int burnRestOfMinute() {
		int spent = 0;
		int used = call("/fapi/v1/exchangeInfo", false);
		spent++;
		while (used < this.limit) {
			int left = this.limit - used;
			if (left >= 30) {
				used = call("/fapi/v1/income", true);
				spent += 30;
			}
			else if (left >= 5) {
				used = call("/fapi/v3/positionRisk", true);
				spent += 5;
			}
			else {
				used = call("/fapi/v1/exchangeInfo", false);
				spent++;
			}
		}
		return spent;
	}

	private int call(String path, boolean signed) {
		String query = "";
		if (signed) {
			String payload = "recvWindow=60000&timestamp=" + this.clock.millis();
			query = "?" + payload + "&signature=" + this.exchange.sign(payload);
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.exchange.baseUrl() + path + query))
			.header("X-MBX-APIKEY", this.exchange.apiKey())
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("the burner itself was refused: HTTP " + response.statusCode() + " "
						+ response.body());
			}
			return Integer.parseInt(response.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
