package syncjob.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * One request from arrival to answer, in Binance's order: IP ban, gateway faults, request
 * weight, authentication, parameters, data. Every request is logged whatever its outcome.
 */
final class ExchangeHttpHandler implements HttpHandler {

	static final String WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";

	private static final byte[] BAD_GATEWAY = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	private final Clock clock;

	private final Duration skew;

	private final AccountRouter accounts;

	private final WeightGates gates;

	private final Faults faults;

	private final RequestLog log;

	private final ServerSleeper sleeper;

	private final Duration latency;

	private final Duration jitter;

	private final Random jitterRandom;

	ExchangeHttpHandler(SimulatorOptions options, AccountRouter accounts, WeightGates gates, Faults faults,
			RequestLog log) {
		this.clock = options.clock();
		this.skew = options.skew();
		this.accounts = accounts;
		this.gates = gates;
		this.faults = faults;
		this.log = log;
		this.sleeper = options.sleeper();
		this.latency = options.latency();
		this.jitter = options.jitter();
		// separate from the fault random, so latency settings do not change which calls fail
		this.jitterRandom = new Random(options.seed() * 31 + 7);
	}

	Instant serverNow() {
		return clock.instant().plus(skew);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			serve(exchange);
		}
	}

	private void serve(HttpExchange exchange) throws IOException {
		delay();
		Instant now = serverNow();
		String presentedKey = exchange.getRequestHeaders().getFirst("X-MBX-APIKEY");
		AccountRouter.Route account = accounts.route(presentedKey);
		// weight is Binance's per IP: the connection's remote address picks the budget
		WeightGate gate = gates.of(exchange.getRemoteAddress().getAddress());
		Call call = new Call(exchange, now, QueryParams.parse(exchange.getRequestURI().getRawQuery()), account);
		WeightGate.Verdict ban = gate.checkBan(now);
		if (!ban.admitted()) {
			call.refuse(ban);
			return;
		}
		// an endpoint this exchange was started without (klines, on request) is not found, as on an exchange lacking it
		Optional<ServedEndpoint> endpoint = ServedEndpoint.of(exchange.getRequestURI().getRawPath())
			.filter(account.endpoints()::containsKey);
		if (endpoint.isEmpty() || !"GET".equals(exchange.getRequestMethod())) {
			ExchangeError error = endpoint.isEmpty() ? ExchangeError.notFound() : ExchangeError.methodNotAllowed();
			call.respond(error.status(), 0, ExchangeJson.error(error.code(), error.getMessage()), ban.usedWeight());
			return;
		}
		FaultDecision fault = faults.decide(call.params.symbolOrNull());
		if (fault.preempts()) {
			call.fail(fault, gate.used(now));
			return;
		}
		if (fault.kind() == FaultDecision.Kind.TIMEOUT) {
			sleeper.sleep(fault.hold());
		}
		WeightGate.Verdict charge = gate.charge(now, endpoint.get().weight(call.params));
		if (!charge.admitted()) {
			call.refuse(charge);
			return;
		}
		try {
			if (endpoint.get().signed()) {
				account.verifier().verify(presentedKey, call.params, now);
			}
			else {
				call.params.rejectMalformed();
			}
			JsonNode body = account.endpoints().get(endpoint.get()).respond(call.params, now);
			String reported = faults.reportedSymbol(call.params.symbolOrNull());
			if (endpoint.get() == ServedEndpoint.USER_TRADES && reported != null && body.isArray()) {
				body.forEach(fill -> ((ObjectNode) fill).put("symbol", reported));
			}
			byte[] bytes = ExchangeJson.bytes(body);
			if (fault.kind() == FaultDecision.Kind.MALFORMED) {
				bytes = Arrays.copyOf(bytes, bytes.length / 2);
			}
			call.respond(200, charge.charged(), bytes, charge.usedWeight());
		}
		catch (ExchangeError error) {
			call.respond(error.status(), charge.charged(), ExchangeJson.error(error.code(), error.getMessage()),
					charge.usedWeight());
		}
	}

	private void delay() {
		Duration wait = latency;
		if (!jitter.isZero()) {
			long extra;
			synchronized (jitterRandom) {
				extra = (long) (jitterRandom.nextDouble() * jitter.toNanos());
			}
			wait = wait.plusNanos(extra);
		}
		if (!wait.isZero()) {
			sleeper.sleep(wait);
		}
	}

	/** The connection is dropped without a response: the JDK server closes it when a handler throws. */
	static final class ConnectionDropped extends RuntimeException {

		ConnectionDropped() {
			super("injected fault: connection closed without a response", null, false, false);
		}
	}

	/** One request being answered, and its log entry. */
	private final class Call {

		private final HttpExchange exchange;

		private final Instant now;

		private final QueryParams params;

		private final AccountRouter.Route account;

		Call(HttpExchange exchange, Instant now, QueryParams params, AccountRouter.Route account) {
			this.exchange = exchange;
			this.now = now;
			this.params = params;
			this.account = account;
		}

		void refuse(WeightGate.Verdict verdict) throws IOException {
			exchange.getResponseHeaders().set("Retry-After", Long.toString(verdict.retryAfterSeconds()));
			respond(verdict.status(), 0, ExchangeJson.error(-1003, verdict.message()), verdict.usedWeight());
		}

		void fail(FaultDecision fault, int usedWeight) throws IOException {
			switch (fault.kind()) {
				case TIMEOUT -> {
					record(0, 0);
					throw new ConnectionDropped();
				}
				case OUTAGE -> respond(503, 0, ExchangeJson.error(-1008,
						"Server is currently overloaded with other requests. Please try again in a few minutes."),
						usedWeight);
				case SERVER_ERROR -> {
					if (fault.status() == 502) {
						respond(502, 0, BAD_GATEWAY, "text/html", usedWeight);
					}
					else if (fault.status() == 500) {
						respond(500, 0, ExchangeJson.error(-1000,
								"An unknown error occurred while processing the request."), usedWeight);
					}
					else {
						respond(fault.status(), 0, internalError(), usedWeight);
					}
				}
				default -> respond(fault.status(), 0, internalError(), usedWeight);
			}
		}

		private byte[] internalError() {
			return ExchangeJson.error(-1001, "Internal error; unable to process your request. Please try again.");
		}

		void respond(int status, int weight, byte[] body, int usedWeight) throws IOException {
			respond(status, weight, body, "application/json", usedWeight);
		}

		void respond(int status, int weight, byte[] body, String contentType, int usedWeight) throws IOException {
			record(status, weight);
			exchange.getResponseHeaders().set("Content-Type", contentType);
			exchange.getResponseHeaders().set(WEIGHT_HEADER, Integer.toString(usedWeight));
			exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}

		private void record(int status, int weight) {
			log.record(new RequestLogEntry(now, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					params.withoutSignature(), params.symbolOrNull(), weight, status),
					exchange.getRemoteAddress().getAddress().getHostAddress(), account.account());
		}
	}
}
