package syncjob.binance;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Signs requests of {@link Signed} API methods: adds {@code recvWindow} and a server-time
 * {@code timestamp}, signs the encoded query exactly as it goes on the wire, appends
 * {@code signature} last and sends the key in {@code X-MBX-APIKEY}. Runs on every attempt, so
 * a retried call carries a fresh timestamp. Logs the request at DEBUG without the signature.
 */
final class SigningInterceptor implements Interceptor {

	static final String API_KEY_HEADER = "X-MBX-APIKEY";

	static final String SIGNATURE = "signature";

	private static final Logger log = LoggerFactory.getLogger(SigningInterceptor.class);

	private final String apiKey;

	private final RequestSigner signer;

	private final long recvWindowMillis;

	private final LongSupplier serverMillis;

	SigningInterceptor(String apiKey, RequestSigner signer, Duration recvWindow, LongSupplier serverMillis) {
		this.apiKey = apiKey;
		this.signer = signer;
		this.recvWindowMillis = recvWindow.toMillis();
		this.serverMillis = serverMillis;
	}

	@Override
	public Response intercept(Chain chain) throws IOException {
		Request request = chain.request();
		if (!isSigned(request)) {
			log.debug("{} {}", request.method(), pathAndQuery(request.url()));
			return chain.proceed(request);
		}
		HttpUrl unsigned = request.url()
			.newBuilder()
			.setQueryParameter("recvWindow", Long.toString(recvWindowMillis))
			.setQueryParameter("timestamp", Long.toString(serverMillis.getAsLong()))
			.build();
		String payload = unsigned.encodedQuery();
		HttpUrl signed = unsigned.newBuilder().addEncodedQueryParameter(SIGNATURE, signer.sign(payload)).build();
		log.debug("{} {}", request.method(), pathAndQuery(unsigned));
		return chain.proceed(request.newBuilder().url(signed).header(API_KEY_HEADER, apiKey).build());
	}

	private static boolean isSigned(Request request) {
		Invocation invocation = request.tag(Invocation.class);
		return invocation != null && invocation.method().isAnnotationPresent(Signed.class);
	}

	private static String pathAndQuery(HttpUrl url) {
		String query = url.encodedQuery();
		return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
	}
}
