package syncjob.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/** Names a journal database for the operator: its JDBC URL, without user, password or other credentials. */
public final class Databases {

	/** {@code user=...} and {@code password=...} parameters, in the URL's query or H2's {@code ;} list. */
	private static final Pattern CREDENTIAL_PARAMETER = Pattern
		.compile("(?i)([?&;])(user|username|password|sslpassword|sslkey|sslcert)=[^&;]*");

	/** {@code //user:password@host}. */
	private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

	private Databases() {
	}

	public static String describe(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return withoutCredentials(connection.getMetaData().getURL());
		}
		catch (SQLException ex) {
			return "(the journal database: " + ex.getMessage() + ")";
		}
	}

	static String withoutCredentials(String url) {
		String cleaned = USER_INFO.matcher(url).replaceFirst("//");
		cleaned = CREDENTIAL_PARAMETER.matcher(cleaned).replaceAll("$1");
		return cleaned.replaceAll("[?&;]+$", "").replace("?&", "?").replaceAll("([&;])[&;]+", "$1");
	}

}
