package syncjob.binance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecimalTextTest {

	private final ObjectMapper json = JsonMapper.builder()
		.addModule(new SimpleModule().addDeserializer(BigDecimal.class, new DecimalText()))
		.build();

	record Amount(BigDecimal income) {
	}

	@Test
	void stringDecimalsKeepEveryDigitAndTheirScale() throws Exception {
		assertThat(read("{\"income\":\"-0.01234500\"}")).isEqualTo(new BigDecimal("-0.01234500"));
		assertThat(read("{\"income\":\"92233720368547758070.000000000001\"}"))
			.isEqualTo(new BigDecimal("92233720368547758070.000000000001"));
	}

	@Test
	void jsonNumbersAreReadExactlyToo() throws Exception {
		assertThat(read("{\"income\":0.1}")).isEqualTo(new BigDecimal("0.1"));
		assertThat(read("{\"income\":42}")).isEqualTo(new BigDecimal("42"));
	}

	@Test
	void anEmptyStringIsAbsentAndGarbageIsAMappingError() throws Exception {
		assertThatThrownBy(() -> read("{\"income\":\"12x\"}")).isInstanceOf(JsonMappingException.class)
			.hasMessageContaining("not a decimal number");
		assertThatThrownBy(() -> read("{\"income\":true}")).isInstanceOf(JsonMappingException.class);
		assertThat(read("{\"income\":\"\"}")).isNull();
	}

	@Test
	void readFromBytesAsServedWithPaddingAndEscapes() throws Exception {
		// the client parses response bodies as bytes, where the characters sit in the parser's buffer
		assertThat(readBytes("{\"income\":\"  -7.250 \"}")).isEqualTo(new BigDecimal("-7.250"));
		assertThat(readBytes("{\"income\":\"\\u0031.5\"}")).isEqualTo(new BigDecimal("1.5"));
		assertThat(readBytes("{\"income\":\"   \"}")).isNull();
		String digits = "1".repeat(9000) + ".5";
		assertThat(readBytes("{\"income\":\"" + digits + "\"}")).isEqualTo(new BigDecimal(digits));
	}

	/**
	 * Decimals of every shape, most of them as Binance serves them, some not: each reads as
	 * {@code new BigDecimal(text)} reads it, the same value and scale, or fails where it fails.
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6 })
	void everyDecimalReadsAsBigDecimalReadsIt(long seed) throws Exception {
		Random random = new Random(seed);
		for (int n = 0; n < 3000; n++) {
			String text = random.nextInt(3) == 0 ? anyText(random) : decimalText(random);
			BigDecimal expected;
			try {
				expected = new BigDecimal(text);
			}
			catch (NumberFormatException ex) {
				expected = null;
			}
			if (text.isEmpty()) {
				// as before: an empty string is an absent value
				assertThat(readBytes("{\"income\":\"\"}")).isNull();
			}
			else if (expected == null) {
				assertThatThrownBy(() -> readBytes("{\"income\":\"" + text + "\"}")).as("seed %d: %s", seed, text)
					.isInstanceOf(JsonMappingException.class);
			}
			else {
				BigDecimal read = readBytes("{\"income\":\"" + text + "\"}");
				assertThat(read).as("seed %d: %s", seed, text).isEqualTo(expected);
				assertThat(read.scale()).as("seed %d: %s", seed, text).isEqualTo(expected.scale());
			}
		}
	}

	/** A sign or none, digits around a point or not, up to 22 digits, leading and trailing zeros. */
	private static String decimalText(Random random) {
		StringBuilder text = new StringBuilder(List.of("", "", "-", "+").get(random.nextInt(4)));
		int whole = random.nextInt(12);
		int fraction = random.nextInt(12);
		for (int i = 0; i < whole; i++) {
			text.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
		}
		if (random.nextInt(5) > 0) {
			text.append('.');
		}
		for (int i = 0; i < fraction; i++) {
			text.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
		}
		return text.toString();
	}

	/** Characters a decimal is made of, in any order. */
	private static String anyText(Random random) {
		String alphabet = "0123456789.-+eE";
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(8);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString().isEmpty() ? "0" : text.toString();
	}

	private BigDecimal readBytes(String body) throws Exception {
		return this.json.readValue(body.getBytes(StandardCharsets.UTF_8), Amount.class).income();
	}

	private BigDecimal read(String body) throws Exception {
		return this.json.readValue(body, Amount.class).income();
	}

}
