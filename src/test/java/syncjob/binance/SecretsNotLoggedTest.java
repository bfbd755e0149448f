package syncjob.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import syncjob.lifecycle.IncomeType;
import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

class SecretsNotLoggedTest {

	private static final String WRONG_KEY = "WrongKeyWrongKeyWrongKey0123456789";

	private static final String WRONG_SECRET = "WrongSecretWrongSecret0123456789";

	private final Logger logger = (Logger) LoggerFactory.getLogger("syncjob.binance");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	private final TestAccount account = new TestAccount();

	private SimulatedBinance exchange;

	@BeforeEach
	void capture() {
		previousLevel = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		appender.start();
		logger.addAppender(appender);
	}

	@AfterEach
	void release() throws Exception {
		logger.detachAppender(appender);
		logger.setLevel(previousLevel);
		if (exchange != null) {
			exchange.close();
		}
	}

	@Test
	void debugLogAndMessagesOfEveryScenarioHoldNoKeySecretOrSignature() {
		// given the scenarios of the other tests: success, -1021, 429, 418, 5xx, timeout-free failures, bad JSON, bad credentials
		Instant dayAgo = SimulatedBinance.START.minus(Duration.ofDays(1));
		account.fill("BTCUSDT", 1, dayAgo, Side.BUY, PositionSide.BOTH, "1");
		account.income("BTCUSDT", IncomeType.COMMISSION, "-0.01", dayAgo, "1");
		account.position("BTCUSDT", PositionSide.BOTH, "1", dayAgo);
		exchange = SimulatedBinance.serving(account);
		ScriptedFront front = exchange.front();
		List<String> messages = new ArrayList<>();
		BinanceClient client = exchange.client();

		// when
		client.exchangeInfo();
		client.positions();
		client.income(exchange.daysAgo(3), exchange.now());
		SymbolFills fills = client.fills(new SymbolRequest("BTCUSDT", exchange.daysAgo(3), exchange.now(),
				exchange.now(), Map.of(), List.of()));
		client.orders("BTCUSDT", Map.of(fills.fills().get(0).orderId(), exchange.daysAgo(1)), exchange.now());
		exchange.skew(Duration.ofSeconds(30));
		client.positions();
		front.script(Endpoint.POSITION_RISK.path(), ScriptedFront.error(429, -1003, "Too many requests"),
				ScriptedFront.error(418, -1003, "banned until " + exchange.now().plusSeconds(10).toEpochMilli()),
				ScriptedFront.error(503, -1008, "busy"), ScriptedFront.error(400, -1121, "Invalid symbol."));
		messages.add(catchThrowable(client::positions).getMessage());
		// a body that stays malformed through every retry (five by default) fails the call
		exchange.faults().malformedSymbol("BTCUSDT");
		messages.add(catchThrowable(() -> client.fills(new SymbolRequest("BTCUSDT", exchange.daysAgo(1),
				exchange.now(), exchange.now(), Map.of(), List.of()))).getMessage());
		exchange.faults().clear();
		BinanceClient wrongKey = exchange.client(settings -> settings.withCredentials(WRONG_KEY, exchange.apiSecret()));
		messages.add(catchThrowable(wrongKey::positions).getMessage());
		BinanceClient wrongSecret = exchange.client(settings -> settings.withCredentials(exchange.apiKey(), WRONG_SECRET));
		messages.add(catchThrowable(wrongSecret::positions).getMessage());

		// then the capture is real: signed requests were logged at DEBUG with their parameters
		List<String> log = new ArrayList<>();
		for (ILoggingEvent event : appender.list) {
			log.add(event.getFormattedMessage());
			if (event.getThrowableProxy() != null) {
				log.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
		}
		log.addAll(messages);
		String text = String.join("\n", log);
		assertThat(text).contains("GET /fapi/v1/userTrades?symbol=BTCUSDT").contains("timestamp=").contains("HTTP 429");
		assertThat(front.signatures()).hasSizeGreaterThan(10);
		assertThat(text).doesNotContain(exchange.apiKey(), exchange.apiSecret(), WRONG_KEY, WRONG_SECRET)
			.doesNotContain("signature=");
		for (String signature : front.signatures()) {
			assertThat(text).doesNotContain(signature);
		}
	}
}
