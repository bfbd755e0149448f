package syncjob.binance;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The order in which the exchange serves one row type's fields, learned from the rows: each row
 * of a response comes in the same order, so the parser is told which name to expect next and
 * compares its bytes instead of hashing and looking the name up, a large share of the CPU of
 * reading a million fills. Any other order reads the same (a name that is not the expected one
 * is read as usual and becomes the expectation), only slower. Shared by the threads reading the
 * row type: a stale expectation costs a comparison, never a wrong name.
 */
final class FieldOrder {

	/** More names than any row has: Binance adding fields cannot grow this without bound. */
	private static final int MOST_NAMES = 64;

	/** The name expected after a name: the one that followed it last time. */
	private final ConcurrentHashMap<String, SerializedString> after = new ConcurrentHashMap<>();

	/** The name expected first in a row. */
	private volatile SerializedString first;

	/**
	 * The row's first field name, or null for an empty object; the parser is at the row's
	 * object ({@link RowTokens#atObject}), its start or its first field.
	 */
	String first(JsonParser parser) throws IOException {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			return parser.currentName();
		}
		return next(parser, this.first, null);
	}

	/** The row's next field name after {@code previous}, or null at the end of the row. */
	String next(JsonParser parser, String previous) throws IOException {
		return next(parser, this.after.get(previous), previous);
	}

	private String next(JsonParser parser, SerializedString expected, String previous) throws IOException {
		if (expected == null) {
			String name = parser.nextFieldName();
			learn(previous, name);
			return name;
		}
		if (parser.nextFieldName(expected)) {
			return expected.getValue();
		}
		// not the expected name: the parser read whatever came instead, as nextFieldName() does
		String name = parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
		learn(previous, name);
		return name;
	}

	private void learn(String previous, String name) {
		if (name == null) {
			return;
		}
		if (previous == null) {
			this.first = new SerializedString(name);
		}
		else if (this.after.size() < MOST_NAMES || this.after.containsKey(previous)) {
			this.after.put(previous, new SerializedString(name));
		}
	}

}
