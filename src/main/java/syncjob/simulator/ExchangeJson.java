package syncjob.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON the way Binance writes it: decimals as plain strings, times as epoch-millisecond numbers. */
final class ExchangeJson {

	static final ObjectMapper MAPPER = new ObjectMapper();

	private ExchangeJson() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static ArrayNode array() {
		return MAPPER.createArrayNode();
	}

	static void decimal(ObjectNode node, String name, BigDecimal value) {
		node.put(name, value == null ? "0" : value.toPlainString());
	}

	static void time(ObjectNode node, String name, Instant value) {
		node.put(name, value == null ? 0L : value.toEpochMilli());
	}

	/** An id that is a number on the wire but is kept as text; text that is no number stays text. */
	static void numericId(ObjectNode node, String name, String value) {
		try {
			node.put(name, new BigInteger(value));
		}
		catch (NumberFormatException e) {
			node.put(name, value);
		}
	}

	static byte[] bytes(JsonNode node) {
		try {
			return MAPPER.writeValueAsBytes(node);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("a tree of plain nodes always serialises", e);
		}
	}

	static byte[] error(int code, String msg) {
		ObjectNode node = object();
		node.put("code", code);
		node.put("msg", msg);
		return bytes(node);
	}
}
