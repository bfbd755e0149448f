package syncjob.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which served account a request reaches: the one whose API key the request presents. A
 * request without a known key goes to the first account, so that public endpoints answer
 * from it, and a signed request is refused by the first account's verifier with Binance's
 * error for an unknown or malformed key, exactly as when one account is served.
 */
final class AccountRouter {

	private final Map<String, Route> byKey = new LinkedHashMap<>();

	private final Route first;

	AccountRouter(List<ServedAccount> accounts, Function<AccountBook, Map<ServedEndpoint, EndpointHandler>> endpoints,
			SimulatorOptions options) {
		if (accounts.isEmpty()) {
			throw new IllegalArgumentException("an exchange serves at least one account");
		}
		for (ServedAccount served : accounts) {
			Route route = new Route(served.name(), new SignedRequestVerifier(served.apiKey(), served.apiSecret()),
					Map.copyOf(endpoints.apply(new AccountBook(served.account(), options.hiddenFills()))));
			if (byKey.putIfAbsent(served.apiKey(), route) != null) {
				throw new IllegalArgumentException("two served accounts share the API key of " + served.name());
			}
		}
		this.first = byKey.values().iterator().next();
	}

	/** @param presentedKey the {@code X-MBX-APIKEY} header, or null */
	Route route(String presentedKey) {
		return presentedKey == null ? first : byKey.getOrDefault(presentedKey, first);
	}

	Route first() {
		return first;
	}

	/** One account's name, its signature checks and its endpoints. */
	record Route(String account, SignedRequestVerifier verifier, Map<ServedEndpoint, EndpointHandler> endpoints) {
	}
}
