package syncjob.binance;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import syncjob.lifecycle.PositionSide;
import syncjob.lifecycle.Side;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand-written readers of the fill, order and income rows read every body as Jackson's
 * record-creator path reads the same record without them (the records below are the rows as they
 * were before the readers, Jackson's path): the same values, the same failures.
 */
class RowReadersTest {

	/** The client's mapper, as {@link BinanceClient} builds it. */
	private final ObjectMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.addModule(new SimpleModule("binance-decimals").addDeserializer(BigDecimal.class, new DecimalText()))
		.build();

	record CreatorTradeRow(String symbol, Long id, Long orderId, Side side, PositionSide positionSide, BigDecimal price,
			BigDecimal qty, BigDecimal quoteQty, BigDecimal realizedPnl, BigDecimal commission, String commissionAsset,
			Long time, Boolean buyer, Boolean maker) {
	}

	record CreatorOrderRow(String symbol, Long orderId, String clientOrderId, String type, String origType,
			String status, Side side, PositionSide positionSide, BigDecimal price, BigDecimal avgPrice,
			BigDecimal origQty, BigDecimal executedQty, Long time, Long updateTime) {
	}

	record CreatorIncomeRow(String symbol, String incomeType, BigDecimal income, String asset, Long time,
			@JsonDeserialize(using = ExactText.class) String tranId,
			@JsonDeserialize(using = ExactText.class) String tradeId,
			@JsonDeserialize(using = ExactText.class) String info) {
	}

	private static final String FILL = """
			{"buyer":false,"commission":"-0.07819010","commissionAsset":"USDT","id":698759,"maker":false,
			 "orderId":25851813,"positionSide":"SHORT","price":"7819.01","qty":"0.002","quoteQty":"15.63802",
			 "realizedPnl":"-0.91539999","side":"SELL","symbol":"BTCUSDT","time":1569514978020}""";

	private static final String ORDER = """
			{"avgPrice":"0.00000","clientOrderId":"abc","cumQuote":"0","executedQty":"0","orderId":1917641,
			 "origQty":"0.40","origType":"TRADE","price":"0","reduceOnly":false,"side":"BUY","positionSide":"SHORT",
			 "status":"NEW","stopPrice":"9300","closePosition":false,"symbol":"BTCUSDT","time":1579276756075,
			 "timeInForce":"GTC","type":"TAKE_PROFIT","activatePrice":"9020","priceRate":"0.3",
			 "updateTime":1579276756075,"workingType":"CONTRACT_PRICE","priceProtect":false,
			 "nested":{"a":[1,{"b":null}]}}""";

	private static final String INCOME = """
			{"symbol":"BTCUSDT","incomeType":"COMMISSION","income":"-0.01000000","asset":"USDT",
			 "info":"COMMISSION","time":1570636800000,"tranId":9689322392,"tradeId":"2059192"}""";

	@Test
	void servedRowsReadAsJacksonReadsThem() throws Exception {
		same(FILL, TradeRow.class, CreatorTradeRow.class);
		same(ORDER, OrderRow.class, CreatorOrderRow.class);
		same(INCOME, IncomeRow.class, CreatorIncomeRow.class);
		TradeRow fill = this.json.readValue(FILL, TradeRow.class);
		assertThat(fill.commission()).isEqualTo(new BigDecimal("-0.07819010"));
		assertThat(fill.side()).isEqualTo(Side.SELL);
		assertThat(fill.positionSide()).isEqualTo(PositionSide.SHORT);
		assertThat(fill.time()).isEqualTo(1569514978020L);
		assertThat(fill.maker()).isFalse();
		IncomeRow income = this.json.readValue(INCOME, IncomeRow.class);
		assertThat(income.tranId()).isEqualTo("9689322392");
		assertThat(income.tradeId()).isEqualTo("2059192");
	}

	@Test
	void oddButReadableValuesReadAsJacksonReadsThem() throws Exception {
		// numbers as strings, strings as numbers, nulls, missing fields, an empty object, an enum by index,
		// a decimal as a JSON number, fields in another order, a tranId beyond a long
		List<String> fills = List.of(
				"{\"id\":\"698759\",\"orderId\":null,\"side\":\"BUY\",\"maker\":\"true\",\"buyer\":1,"
						+ "\"symbol\":42,\"price\":7819.010,\"qty\":\"\",\"time\":\"1569514978020\"}",
				"{}", "{\"side\":1,\"positionSide\":\"BOTH\",\"commission\":null,\"time\":1.5e3}",
				"{\"symbol\":\"ETHUSDT\",\"unknown\":[1,2,{\"x\":\"y\"}],\"symbol\":\"BTCUSDT\"}");
		for (String fill : fills) {
			same(fill, TradeRow.class, CreatorTradeRow.class);
		}
		same("{\"orderId\":\"7\",\"type\":\"MARKET\",\"status\":null,\"updateTime\":12}", OrderRow.class,
				CreatorOrderRow.class);
		same("{\"tranId\":92233720368547758070,\"tradeId\":\"\",\"info\":null,\"income\":1E-8,\"time\":5}",
				IncomeRow.class, CreatorIncomeRow.class);
		same("{\"tranId\":\"8\",\"incomeType\":\"FUNDING_FEE\",\"income\":\"-0.5\",\"symbol\":\"\"}",
				IncomeRow.class, CreatorIncomeRow.class);
	}

	@Test
	void listsAsServedReadAsJacksonReadsThem() throws Exception {
		String fills = "[" + FILL + ",null," + FILL.replace("SELL", "BUY") + "]";
		List<TradeRow> read = this.json.readValue(fills.getBytes(StandardCharsets.UTF_8), new TypeReference<>() {
		});
		List<CreatorTradeRow> expected = this.json.readValue(fills.getBytes(StandardCharsets.UTF_8),
				new TypeReference<>() {
				});
		assertThat(read).hasSize(3);
		assertThat(read.get(1)).isNull();
		for (int i = 0; i < read.size(); i += 2) {
			assertThat(values(read.get(i))).isEqualTo(values(expected.get(i)));
		}
	}

	/**
	 * The readers expect each row's fields in the order the previous rows came in
	 * ({@link FieldOrder}); rows in other orders, with fields missing or added, read the same,
	 * across the parser's buffer boundaries too (a list of many rows from a stream).
	 */
	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void rowsInAnyFieldOrderReadAsJacksonReadsThem(long seed) throws Exception {
		Random random = new Random(seed);
		StringBuilder fills = new StringBuilder("[");
		StringBuilder incomes = new StringBuilder("[");
		List<String> fillFields = fields(FILL);
		List<String> incomeFields = fields(INCOME);
		for (int row = 0; row < 400; row++) {
			fills.append(row == 0 ? "" : ",").append(reordered(fillFields, random, row));
			incomes.append(row == 0 ? "" : ",").append(reordered(incomeFields, random, row));
		}
		fills.append(']');
		incomes.append(']');
		List<TradeRow> read = this.json.readValue(stream(fills), new TypeReference<>() {
		});
		List<CreatorTradeRow> expected = this.json.readValue(stream(fills), new TypeReference<>() {
		});
		List<IncomeRow> readIncome = this.json.readValue(stream(incomes), new TypeReference<>() {
		});
		List<CreatorIncomeRow> expectedIncome = this.json.readValue(stream(incomes), new TypeReference<>() {
		});
		assertThat(read).as("seed %d", seed).hasSize(400);
		for (int i = 0; i < read.size(); i++) {
			assertThat(values(read.get(i))).as("seed %d, fill %d", seed, i).isEqualTo(values(expected.get(i)));
			assertThat(values(readIncome.get(i))).as("seed %d, income %d", seed, i)
				.isEqualTo(values(expectedIncome.get(i)));
		}
	}

	/** The "name":value members of a flat row. */
	private static List<String> fields(String row) {
		List<String> fields = new ArrayList<>();
		for (String member : row.replaceAll("\\s", "").replaceAll("^\\{|\\}$", "").split(",")) {
			fields.add(member);
		}
		return fields;
	}

	/**
	 * Mostly the order of the previous rows (a run), sometimes shuffled, a member dropped or one
	 * the readers do not know added; the id-like values vary with the row.
	 */
	private static String reordered(List<String> fields, Random random, int row) {
		List<String> members = new ArrayList<>(fields);
		int change = random.nextInt(4);
		if (change == 0) {
			Collections.shuffle(members, random);
		}
		else if (change == 1) {
			members.remove(random.nextInt(members.size()));
		}
		else if (change == 2) {
			members.add(random.nextInt(members.size() + 1), "\"extraField" + random.nextInt(3) + "\":[" + row + "]");
		}
		String joined = String.join(",", members).replace("\"time\":15", "\"time\":" + (1000 + row) + "15");
		return "{" + joined + "}";
	}

	private static InputStream stream(CharSequence body) {
		return new ByteArrayInputStream(body.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void klineDecimalsReadAsBigDecimalReadsTheTrimmedText() throws Exception {
		List<String> prices = List.of("7819.01", " -0.00012300 ", "1E+3", "12345678901234567890.5", "+.5", "0");
		for (String price : prices) {
			KlineRow row = this.json.readValue("[1569514920000,\"" + price + "\",\"2\",\"0.5\",\"1.50\",\"9\",1569514979999]",
					KlineRow.class);
			assertThat(row.open()).as(price).isEqualTo(new BigDecimal(price.trim()));
			assertThat(row.close()).isEqualTo(new BigDecimal("1.50"));
		}
		for (String bad : List.of("", "  ", "1.2.3", "12x")) {
			assertThatThrownBy(() -> this.json.readValue("[1,\"" + bad + "\",\"2\",\"0.5\",\"1.5\",\"9\",2]",
					KlineRow.class))
				.as("'%s'", bad)
				.isInstanceOf(JsonMappingException.class)
				.hasMessageContaining("kline field 'open' is not a decimal");
		}
	}

	@Test
	void badValuesFailAsMappingErrorsNamingTheField() {
		List<String> bad = List.of("{\"side\":\"SIDEWAYS\"}", "{\"price\":\"12x\"}", "{\"id\":\"twelve\"}",
				"{\"maker\":\"perhaps\"}", "{\"symbol\":{\"a\":1}}", "{\"time\":[1]}", "{\"id\":92233720368547758070}");
		for (String body : bad) {
			assertThatThrownBy(() -> this.json.readValue(body, CreatorTradeRow.class))
				.isInstanceOf(JsonMappingException.class);
			String field = body.substring(2, body.indexOf('"', 2));
			assertThatThrownBy(() -> this.json.readValue(body, TradeRow.class)).as(body)
				.isInstanceOf(JsonProcessingException.class)
				.hasMessageContaining("\"" + field + "\"");
		}
		assertThatThrownBy(() -> this.json.readValue("[1]", TradeRow.class)).isInstanceOf(JsonMappingException.class);
		assertThatThrownBy(() -> this.json.readValue("\"row\"", OrderRow.class))
			.isInstanceOf(JsonMappingException.class);
		assertThatThrownBy(() -> this.json.readValue("{\"tranId\":true}", IncomeRow.class))
			.isInstanceOf(JsonMappingException.class)
			.hasMessageContaining("\"tranId\"");
		assertThatThrownBy(() -> this.json.readValue("{\"tranId\":true}", CreatorIncomeRow.class))
			.isInstanceOf(JsonMappingException.class);
	}

	private <R extends Record, C extends Record> void same(String body, Class<R> row, Class<C> creator)
			throws Exception {
		R read = this.json.readValue(body.getBytes(StandardCharsets.UTF_8), row);
		C expected = this.json.readValue(body.getBytes(StandardCharsets.UTF_8), creator);
		assertThat(values(read)).as(body).isEqualTo(values(expected));
		// BigDecimal's equals compares the scale too: "0.10" and "0.1" are different readings
		assertThat(values(read)).as(body).hasSize(row.getRecordComponents().length);
	}

	private static List<Object> values(Record record) throws Exception {
		List<Object> values = new ArrayList<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			values.add(component.getAccessor().invoke(record));
		}
		return values;
	}

}
