package syncjob.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Where the PostgreSQL test service is: 127.0.0.1:5432, user postgres, database test, unless
 * SYNC_JOB_PG_HOST / SYNC_JOB_PG_PORT / SYNC_JOB_PG_USER / SYNC_JOB_PG_PASSWORD say otherwise.
 */
public final class PostgresService {

	private static volatile Boolean available;

	private PostgresService() {
	}

	static String host() {
		return env("SYNC_JOB_PG_HOST", "127.0.0.1");
	}

	static String port() {
		return env("SYNC_JOB_PG_PORT", "5432");
	}

	static String user() {
		return env("SYNC_JOB_PG_USER", "postgres");
	}

	static String password() {
		return env("SYNC_JOB_PG_PASSWORD", "");
	}

	static String urlFor(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	public static String describe() {
		return user() + "@" + host() + ":" + port();
	}

	static Connection adminConnection() throws SQLException {
		return DriverManager.getConnection(urlFor(env("SYNC_JOB_PG_ADMIN_DB", "test")), user(), password());
	}

	/** Whether the service answers; asked once per test JVM. */
	public static boolean available() {
		if (available == null) {
			synchronized (PostgresService.class) {
				if (available == null) {
					DriverManager.setLoginTimeout(3);
					try (Connection c = adminConnection()) {
						available = c.isValid(3);
					}
					catch (SQLException ex) {
						available = false;
					}
				}
			}
		}
		return available;
	}

	/** CI (or -Dpostgres.required=true) must never skip the PostgreSQL tests silently. */
	public static boolean required() {
		return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("postgres.required");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
