package syncjob.binance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import okhttp3.HttpUrl;

/**
 * Everything the client needs, bound by the job from {@code binance.*}. Null durations and a
 * blank base URL take the defaults, so a binder that leaves a property unset gets the default;
 * {@link #problems()} says what is still wrong and how to fix it.
 */
public record BinanceSettings(String baseUrl, String apiKey, String apiSecret, Duration recvWindow,
		Duration connectTimeout, Duration readTimeout, int maxRetries, Duration maxBanWait, int tradeRetentionDays,
		Duration timeResyncInterval, PagingMode paging) {

	public static final String DEFAULT_BASE_URL = "https://fapi.binance.com";

	static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	static final int DEFAULT_MAX_RETRIES = 5;

	static final Duration DEFAULT_MAX_BAN_WAIT = Duration.ofMinutes(5);

	/** Six calendar months are at most 184 days: ask back that far and take what Binance serves. */
	static final int DEFAULT_TRADE_RETENTION_DAYS = 186;

	static final Duration DEFAULT_TIME_RESYNC_INTERVAL = Duration.ofMinutes(10);

	/** Binance refuses a recvWindow above 60 seconds. */
	private static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);

	private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

	public BinanceSettings {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
		recvWindow = recvWindow == null ? DEFAULT_RECV_WINDOW : recvWindow;
		connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
		readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
		maxBanWait = maxBanWait == null ? DEFAULT_MAX_BAN_WAIT : maxBanWait;
		timeResyncInterval = timeResyncInterval == null ? DEFAULT_TIME_RESYNC_INTERVAL : timeResyncInterval;
		paging = paging == null ? PagingMode.AUTO : paging;
	}

	/** Every default, without credentials. */
	public static BinanceSettings defaults() {
		return new BinanceSettings(DEFAULT_BASE_URL, null, null, DEFAULT_RECV_WINDOW, DEFAULT_CONNECT_TIMEOUT,
				DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_MAX_BAN_WAIT, DEFAULT_TRADE_RETENTION_DAYS,
				DEFAULT_TIME_RESYNC_INTERVAL, PagingMode.AUTO);
	}

	public BinanceSettings withCredentials(String key, String secret) {
		return new BinanceSettings(baseUrl, key, secret, recvWindow, connectTimeout, readTimeout, maxRetries,
				maxBanWait, tradeRetentionDays, timeResyncInterval, paging);
	}

	public BinanceSettings withBaseUrl(String url) {
		return new BinanceSettings(url, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries,
				maxBanWait, tradeRetentionDays, timeResyncInterval, paging);
	}

	/** Human messages, one per problem, each saying how to fix it; empty when the settings are usable. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		baseUrlProblem().ifPresent(problems::add);
		if (isBlank(apiKey)) {
			problems.add("binance.api-key is not set: set BINANCE_API_KEY or --binance.api-key");
		}
		else if (!PRINTABLE_ASCII.matcher(apiKey).matches()) {
			problems.add("binance.api-key contains spaces or non-ASCII characters: copy the key again from the "
					+ "Binance API management page into BINANCE_API_KEY or --binance.api-key");
		}
		if (isBlank(apiSecret)) {
			problems.add("binance.api-secret is not set: set BINANCE_API_SECRET or --binance.api-secret");
		}
		if (!isPositive(recvWindow) || recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
			problems.add("binance.recv-window must be more than 0 and at most 60s, got " + recvWindow
					+ ": set --binance.recv-window=5s");
		}
		positive("binance.connect-timeout", connectTimeout, "10s").ifPresent(problems::add);
		positive("binance.read-timeout", readTimeout, "30s").ifPresent(problems::add);
		positive("binance.max-ban-wait", maxBanWait, "5m").ifPresent(problems::add);
		positive("binance.time-resync-interval", timeResyncInterval, "10m").ifPresent(problems::add);
		if (maxRetries <= 0) {
			problems.add("binance.max-retries must be positive, got " + maxRetries + ": set --binance.max-retries=5");
		}
		if (tradeRetentionDays <= 0) {
			problems.add("binance.trade-retention-days must be positive, got " + tradeRetentionDays
					+ ": set --binance.trade-retention-days=186");
		}
		return List.copyOf(problems);
	}

	/** The base URL as Retrofit needs it: parsed, with a trailing slash. */
	HttpUrl httpBaseUrl() {
		HttpUrl url = HttpUrl.parse(baseUrl);
		if (url == null) {
			throw new IllegalArgumentException("binance.base-url is not a valid http(s) URL");
		}
		return url.encodedPath().endsWith("/") ? url : url.newBuilder().addPathSegment("").build();
	}

	@Override
	public String toString() {
		return "BinanceSettings[baseUrl=" + printableBaseUrl() + ", apiKey=" + redacted(apiKey) + ", apiSecret="
				+ redacted(apiSecret) + ", recvWindow=" + recvWindow + ", connectTimeout=" + connectTimeout
				+ ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", maxBanWait=" + maxBanWait
				+ ", tradeRetentionDays=" + tradeRetentionDays + ", timeResyncInterval=" + timeResyncInterval + ", paging="
				+ paging + "]";
	}

	private Optional<String> baseUrlProblem() {
		HttpUrl url = HttpUrl.parse(baseUrl);
		if (url == null) {
			return Optional.of("binance.base-url is not a valid http(s) URL: set --binance.base-url="
					+ DEFAULT_BASE_URL + " (or leave it unset for the default)");
		}
		if (!url.isHttps() && !isLoopback(url.host())) {
			return Optional.of("binance.base-url must use https (plain http is allowed only for loopback "
					+ "hosts: 127.0.0.0/8, localhost, [::1]), got " + printableBaseUrl()
					+ ": set --binance.base-url=https://...");
		}
		return Optional.empty();
	}

	/** Scheme, host and port only: a URL with user info must not leak it into messages. */
	private String printableBaseUrl() {
		HttpUrl url = HttpUrl.parse(baseUrl);
		return url == null ? "(invalid URL)" : url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
	}

	static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.equals("::1") || lower.equals("[::1]")
				|| LOOPBACK_V4.matcher(lower).matches();
	}

	private static Optional<String> positive(String property, Duration value, String example) {
		return isPositive(value) ? Optional.empty()
				: Optional.of(property + " must be positive, got " + value + ": set --" + property + "="
						+ example);
	}

	private static boolean isPositive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String redacted(String value) {
		return isBlank(value) ? "(not set)" : "(set, redacted)";
	}
}
