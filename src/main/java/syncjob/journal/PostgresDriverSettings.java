package syncjob.journal;

import java.util.Map;

/**
 * Connection properties the journal's writes want from the PostgreSQL driver, for PostgreSQL
 * URLs only: H2 refuses settings it does not know.
 * <p>
 * {@code binaryTransferDisable=NUMERIC}: the driver otherwise encodes every {@code BigDecimal}
 * bound to a statement in PostgreSQL's binary NUMERIC format, which takes a
 * {@code BigInteger} division per four digits; a profile of the 1M-fill benchmark at
 * {@code -Xmx256m} had it among the largest allocators (about a tenth of all bytes allocated)
 * beside the trades' insert and the staged income's reads. As text a decimal costs one
 * {@code toString}, and the server parses it exactly the same.
 * <p>
 * Not {@code reWriteBatchedInserts}: a rewritten batch reports no count per row, while the
 * trades' writer reads those counts to tell new rows from those the unique key skipped (and
 * fills detail columns only on the latter).
 */
public final class PostgresDriverSettings {

	private static final Map<String, String> PROPERTIES = Map.of("binaryTransferDisable", "NUMERIC");

	private PostgresDriverSettings() {
	}

	/** The properties to add for a connection to {@code jdbcUrl}: none unless it is PostgreSQL's. */
	public static Map<String, String> forUrl(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:") ? PROPERTIES : Map.of();
	}

}
