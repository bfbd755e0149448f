package syncjob.binance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;

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

	private BigDecimal readBytes(String body) throws Exception {
		return this.json.readValue(body.getBytes(StandardCharsets.UTF_8), Amount.class).income();
	}

	private BigDecimal read(String body) throws Exception {
		return this.json.readValue(body, Amount.class).income();
	}

}
