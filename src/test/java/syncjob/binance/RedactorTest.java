package syncjob.binance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Credentials are masked where they stand as whole tokens, and never inside ordinary words. */
class RedactorTest {

	/** A key of Binance's shape: 64 letters and digits. */
	private static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

	private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

	@Test
	void aShortCredentialNeverGarblesWordsThatContainIt() {
		// the observed defect: a one-letter key turned this into "Name or ***ervice not ***nown"
		Redactor redactor = new Redactor("k", "s");

		assertThat(redactor.clean("UnknownHostException: Name or service not known"))
			.isEqualTo("UnknownHostException: Name or service not known");
		assertThat(redactor.clean("key k and secret s")).isEqualTo("key *** and secret ***");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%s", "X-MBX-APIKEY: %s", "apiKey=%s&timestamp=1", "\"%s\"", "(%s)", "%s.", "%s\n" })
	void aCredentialStandingAsATokenIsMasked(String template) {
		Redactor redactor = new Redactor(KEY, SECRET);

		assertThat(redactor.clean(template.formatted(KEY))).isEqualTo(template.formatted("***"));
		assertThat(redactor.clean(template.formatted(SECRET))).isEqualTo(template.formatted("***"));
	}

	@Test
	void aCredentialGluedInsideALongerWordIsThatWordNotTheCredential() {
		Redactor redactor = new Redactor(KEY, SECRET);
		String longer = "x" + KEY + "y";

		assertThat(redactor.clean(longer)).isEqualTo(longer);
	}

	@Test
	void signaturesAreMaskedAndNullIsEmpty() {
		Redactor redactor = new Redactor(KEY, SECRET);

		assertThat(redactor.clean("GET /fapi/v1/income?limit=2&signature=ab12cd&timestamp=1"))
			.isEqualTo("GET /fapi/v1/income?limit=2&signature=***&timestamp=1");
		assertThat(redactor.clean(null)).isEmpty();
	}

}
