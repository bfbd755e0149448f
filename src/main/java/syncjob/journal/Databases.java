package syncjob.journal;

import java.sql.Connection;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/** Names a journal database for the operator: its JDBC URL, without user, password or other credentials. */
public final class Databases {

	/** {@code user=...} and {@code password=...} parameters, in the URL's query or H2's {@code ;} list. */
	private static final Pattern CREDENTIAL_PARAMETER = Pattern
		.compile("(?i)([?&;])(user|username|password|sslpassword|sslkey|sslcert)=[^&;]*");

	/** {@code //user:password@host}. */
	private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

	private static final String H2_FILE = "jdbc:h2:file:";

	private Databases() {
	}

	public static String describe(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String url = connection.getMetaData().getURL();
			if (url.startsWith("jdbc:h2:")) {
				// the file, also when reached through another process's server (whose key stays private)
				try (Statement st = connection.createStatement();
						ResultSet rs = st.executeQuery("SELECT DATABASE_PATH()")) {
					if (rs.next() && rs.getString(1) != null) {
						return H2_FILE + Path.of(rs.getString(1)).toAbsolutePath().normalize();
					}
				}
			}
			return withoutCredentials(url);
		}
		catch (SQLException ex) {
			return "(the journal database: " + ex.getMessage() + ")";
		}
	}

	static String withoutCredentials(String url) {
		Optional<Path> h2File = h2File(url);
		if (h2File.isPresent()) {
			// its settings say nothing to a person; where the file is does
			return H2_FILE + h2File.get();
		}
		String cleaned = USER_INFO.matcher(url).replaceFirst("//");
		cleaned = CREDENTIAL_PARAMETER.matcher(cleaned).replaceAll("$1");
		return cleaned.replaceAll("[?&;]+$", "").replace("?&", "?").replaceAll("([&;])[&;]+", "$1");
	}

	/**
	 * The absolute path (without H2's {@code .mv.db}) of an embedded H2 file database, resolved
	 * against the working directory as H2 resolves it; empty for any other database.
	 */
	public static Optional<Path> h2File(String url) {
		if (!url.startsWith(H2_FILE)) {
			return Optional.empty();
		}
		String path = url.substring(H2_FILE.length()).split(";", 2)[0];
		if (path.startsWith("~")) {
			path = System.getProperty("user.home") + path.substring(1);
		}
		return Optional.of(Path.of(path).toAbsolutePath().normalize());
	}

}
