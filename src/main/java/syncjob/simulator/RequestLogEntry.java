package syncjob.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the simulated exchange saw it. {@code params} never holds the signature;
 * {@code weight} is what the request was charged (0 when it was refused before counting);
 * {@code status} is 0 when the connection was closed without a response.
 */
public record RequestLogEntry(Instant time, String method, String path, Map<String, String> params, String symbol,
		int weight, int status) {

	public RequestLogEntry {
		// sorted so log lines read the same way every run
		params = Collections.unmodifiableMap(new TreeMap<>(params));
	}
}
