package syncjob.binance;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from repeating a request on its own: it silently re-sends after a 503 carrying
 * {@code Retry-After: 0}, a retry that would spend weight the budget never reserved. Stripping
 * the header (on the network response, before OkHttp decides) leaves that retry to the caller,
 * which counts and paces it. (A 408 is re-sent only when retryOnConnectionFailure is on; the
 * client turns that off.)
 */
final class NoSilentRetries implements Interceptor {

	@Override
	public Response intercept(Chain chain) throws IOException {
		Response response = chain.proceed(chain.request());
		if (response.code() == 503 && response.header("Retry-After") != null) {
			return response.newBuilder().removeHeader("Retry-After").build();
		}
		return response;
	}

}
