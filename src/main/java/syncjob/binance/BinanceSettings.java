package syncjob.binance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import okhttp3.HttpUrl;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code binance.*} settings, bound once by Spring Boot from every property source
 * (options, environment, application.yml). The compact constructor holds every default (an
 * unset value binds as null), the annotations every rule, each message naming the fix. Only
 * annotations tie this record to Spring: the client reads it as a plain value.
 */
@ConfigurationProperties("binance")
@Validated
public record BinanceSettings(@HttpsOrLoopback String baseUrl,
		@jakarta.validation.constraints.Pattern(regexp = "[\\x21-\\x7e]+",
				message = "contains spaces or non-ASCII characters: copy the key again from the Binance API "
						+ "management page into BINANCE_API_KEY or --binance.api-key") String apiKey,
		String apiSecret,
		@DurationMin(nanos = 0, inclusive = false, message = RECV_WINDOW_RULE) @DurationMax(seconds = 60,
				message = RECV_WINDOW_RULE) Duration recvWindow,
		@DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION) Duration connectTimeout,
		@DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION) Duration readTimeout,
		@Positive(message = POSITIVE_NUMBER) Integer maxRetries,
		@DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION) Duration maxBanWait,
		@Positive(message = POSITIVE_NUMBER) Integer tradeRetentionDays,
		@DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION) Duration timeResyncInterval,
		PagingMode paging,
		@jakarta.validation.constraints.Pattern(regexp = IP_LITERAL, message = "must be an IP address of this "
				+ "machine such as 127.0.0.2 or 10.0.0.5 (no host name): outgoing connections leave from it; "
				+ "remove the setting to let the system choose") String localAddress,
		@DecimalMin(value = "0", inclusive = false, message = WEIGHT_SHARE_RULE) @DecimalMax(value = "1",
				message = WEIGHT_SHARE_RULE) Double weightShare) {

	public static final String DEFAULT_BASE_URL = "https://fapi.binance.com";

	static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	static final int DEFAULT_MAX_RETRIES = 5;

	static final Duration DEFAULT_MAX_BAN_WAIT = Duration.ofMinutes(5);

	/**
	 * Six calendar months are at most 184 days; the client asks back this far and takes what
	 * Binance serves.
	 */
	static final int DEFAULT_TRADE_RETENTION_DAYS = 186;

	static final Duration DEFAULT_TIME_RESYNC_INTERVAL = Duration.ofMinutes(10);

	/**
	 * Binance issues 64-character keys and secrets; anything this short is a typo or a
	 * placeholder, and masking it in messages would hit ordinary words.
	 */
	public static final int MIN_CREDENTIAL_LENGTH = 16;

	/** Binance refuses a recvWindow above 60 seconds. */
	static final String RECV_WINDOW_RULE = "must be more than 0 and at most 60s (Binance's limit): "
			+ "give a duration such as 5s, or remove the setting for its default";

	static final String POSITIVE_DURATION = "must be a positive duration: give one such as 30s or 5m, "
			+ "or remove the setting for its default";

	static final String WEIGHT_SHARE_RULE = "must be more than 0 and at most 1: the part of this address's "
			+ "request-weight limit this process may use, e.g. 0.5 for each of two workers behind one address";

	static final String POSITIVE_NUMBER = "must be a positive whole number: give 1 or more, "
			+ "or remove the setting for its default";

	/** An IPv4 literal, or anything with a colon (IPv6, checked when the socket binds); never a name to resolve. */
	static final String IP_LITERAL = "(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})|([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)";

	private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

	@ConstructorBinding
	public BinanceSettings {
		baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip();
		recvWindow = recvWindow == null ? DEFAULT_RECV_WINDOW : recvWindow;
		connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
		readTimeout = readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout;
		maxRetries = maxRetries == null ? DEFAULT_MAX_RETRIES : maxRetries;
		maxBanWait = maxBanWait == null ? DEFAULT_MAX_BAN_WAIT : maxBanWait;
		tradeRetentionDays = tradeRetentionDays == null ? DEFAULT_TRADE_RETENTION_DAYS : tradeRetentionDays;
		timeResyncInterval = timeResyncInterval == null ? DEFAULT_TIME_RESYNC_INTERVAL : timeResyncInterval;
		paging = paging == null ? PagingMode.AUTO : paging;
		localAddress = localAddress == null || localAddress.isBlank() ? null : localAddress.strip();
		weightShare = weightShare == null ? 1.0 : weightShare;
	}

	/** The settings as before {@code binance.weight-share}: the process has its address's whole budget. */
	public BinanceSettings(String baseUrl, String apiKey, String apiSecret, Duration recvWindow,
			Duration connectTimeout, Duration readTimeout, Integer maxRetries, Duration maxBanWait,
			Integer tradeRetentionDays, Duration timeResyncInterval, PagingMode paging, String localAddress) {
		this(baseUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries, maxBanWait,
				tradeRetentionDays, timeResyncInterval, paging, localAddress, null);
	}

	/** The settings as before {@code binance.local-address}: the system picks the source address. */
	public BinanceSettings(String baseUrl, String apiKey, String apiSecret, Duration recvWindow,
			Duration connectTimeout, Duration readTimeout, Integer maxRetries, Duration maxBanWait,
			Integer tradeRetentionDays, Duration timeResyncInterval, PagingMode paging) {
		this(baseUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries, maxBanWait,
				tradeRetentionDays, timeResyncInterval, paging, null);
	}

	/** The settings as before {@code binance.paging}: paging is {@link PagingMode#AUTO}. */
	public BinanceSettings(String baseUrl, String apiKey, String apiSecret, Duration recvWindow,
			Duration connectTimeout, Duration readTimeout, int maxRetries, Duration maxBanWait, int tradeRetentionDays,
			Duration timeResyncInterval) {
		this(baseUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries, maxBanWait,
				tradeRetentionDays, timeResyncInterval, null);
	}

	/** Every default, without credentials. */
	public static BinanceSettings defaults() {
		return new BinanceSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	public BinanceSettings withCredentials(String key, String secret) {
		return new BinanceSettings(baseUrl, key, secret, recvWindow, connectTimeout, readTimeout, maxRetries,
				maxBanWait, tradeRetentionDays, timeResyncInterval, paging, localAddress, weightShare);
	}

	public BinanceSettings withBaseUrl(String url) {
		return new BinanceSettings(url, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries,
				maxBanWait, tradeRetentionDays, timeResyncInterval, paging, localAddress, weightShare);
	}

	/** The same settings with {@code binance.weight-share} = {@code share}. */
	public BinanceSettings withWeightShare(double share) {
		return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries,
				maxBanWait, tradeRetentionDays, timeResyncInterval, paging, localAddress, share);
	}

	/** The same settings with outgoing connections leaving from {@code address} (null: the system's choice). */
	public BinanceSettings withLocalAddress(String address) {
		return new BinanceSettings(baseUrl, apiKey, apiSecret, recvWindow, connectTimeout, readTimeout, maxRetries,
				maxBanWait, tradeRetentionDays, timeResyncInterval, paging, address, weightShare);
	}

	/**
	 * Human messages, one per problem, each naming the setting and how to fix it; empty when a
	 * client can be built. The rules are the annotations' (checked here as Spring Boot checks
	 * them when it binds), plus the credentials.
	 */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		RULES.validate(this)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<BinanceSettings> v) -> v.getPropertyPath().toString())
				.thenComparing(ConstraintViolation::getMessage))
			.forEach((v) -> problems.add(describe(v)));
		problems.addAll(credentialProblems());
		if (localAddress != null && problems.stream().noneMatch(p -> p.startsWith("binance.local-address"))
				&& !LocalAddressSocketFactory.bindable(localAddress)) {
			problems.add("binance.local-address=" + localAddress + " cannot be bound: it must be an address of this "
					+ "machine (ip addr lists them; any of 127.0.0.0/8 works on loopback)");
		}
		return List.copyOf(problems);
	}

	/** The setting, its value (never a credential's), and the rule's message naming the fix. */
	private String describe(ConstraintViolation<BinanceSettings> violation) {
		String property = violation.getPropertyPath().toString();
		String value = switch (property) {
			case "apiKey", "apiSecret" -> "(hidden)";
			case "baseUrl" -> displayBaseUrl();
			default -> String.valueOf(violation.getInvalidValue());
		};
		return "binance." + kebab(property) + "=" + value + " " + violation.getMessage();
	}

	/** What is missing for a signed call: a run that reaches the exchange needs both. */
	public List<String> credentialProblems() {
		List<String> problems = new ArrayList<>();
		if (isBlank(apiKey)) {
			problems.add("binance.api-key is not set: set BINANCE_API_KEY or --binance.api-key");
		}
		else if (apiKey.strip().length() < MIN_CREDENTIAL_LENGTH) {
			problems.add(tooShort("binance.api-key", "BINANCE_API_KEY"));
		}
		if (isBlank(apiSecret)) {
			problems.add("binance.api-secret is not set: set BINANCE_API_SECRET or --binance.api-secret");
		}
		else if (apiSecret.strip().length() < MIN_CREDENTIAL_LENGTH) {
			problems.add(tooShort("binance.api-secret", "BINANCE_API_SECRET"));
		}
		return List.copyOf(problems);
	}

	private static String tooShort(String setting, String variable) {
		return setting + " is shorter than " + MIN_CREDENTIAL_LENGTH + " characters, too short to be a Binance "
				+ "credential (they have 64): copy the whole value from the Binance API management page into "
				+ variable + " or --" + setting;
	}

	/** Scheme, host, port and path only: a URL with user info must not leak it into messages or tables. */
	public String displayBaseUrl() {
		HttpUrl url = HttpUrl.parse(baseUrl);
		return url == null ? "(invalid URL)" : url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
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
		return "BinanceSettings[baseUrl=" + displayBaseUrl() + ", apiKey=" + redacted(apiKey) + ", apiSecret="
				+ redacted(apiSecret) + ", recvWindow=" + recvWindow + ", connectTimeout=" + connectTimeout
				+ ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", maxBanWait=" + maxBanWait
				+ ", tradeRetentionDays=" + tradeRetentionDays + ", timeResyncInterval=" + timeResyncInterval
				+ ", paging=" + paging + ", localAddress=" + localAddress
				+ ", weightShare=" + weightShare + "]";
	}

	static boolean isLoopback(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.equals("localhost") || lower.equals("::1") || lower.equals("[::1]")
				|| LOOPBACK_V4.matcher(lower).matches();
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static String redacted(String value) {
		return isBlank(value) ? "(not set)" : "(set, redacted)";
	}

	/** The same rules Spring Boot applies when it binds, for settings built in code. */
	private static final Validator RULES = Validation.buildDefaultValidatorFactory().getValidator();

	/** https, or plain http to a loopback host (a local simulator): never credentials in clear over a network. */
	@Documented
	@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = HttpsOrLoopbackValidator.class)
	@interface HttpsOrLoopback {

		String message() default "must be an https URL (plain http is allowed only for loopback hosts: "
				+ "127.0.0.0/8, localhost, [::1]): set --binance.base-url=https://..., or remove it for "
				+ DEFAULT_BASE_URL;

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	public static final class HttpsOrLoopbackValidator implements ConstraintValidator<HttpsOrLoopback, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			HttpUrl url = value == null ? null : HttpUrl.parse(value);
			return url != null && (url.isHttps() || isLoopback(url.host()));
		}

	}

}
