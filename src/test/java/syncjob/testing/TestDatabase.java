package syncjob.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away journal database for one test: an in-memory H2 database in PostgreSQL mode,
 * or a fresh database on the PostgreSQL service, dropped on close.
 */
public final class TestDatabase implements AutoCloseable {

	private final String url;

	private final String username;

	private final String password;

	private final String dropName;

	private TestDatabase(String url, String username, String password, String dropName) {
		this.url = url;
		this.username = username;
		this.password = password;
		this.dropName = dropName;
	}

	public static TestDatabase h2() {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		return new TestDatabase("jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", null);
	}

	/** An H2 file database in a fresh directory, which several processes can use one after another. */
	public static TestDatabase h2File() {
		try {
			java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("syncjob-h2");
			return new TestDatabase("jdbc:h2:file:" + dir.resolve("journal")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
					"sa", "", null);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new database on the PostgreSQL service; callers check {@link PostgresService#available()} first. */
	public static TestDatabase postgres() {
		String name = "syncjob_t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection admin = PostgresService.adminConnection(); Statement st = admin.createStatement()) {
			st.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create test database " + name, ex);
		}
		return new TestDatabase(PostgresService.urlFor(name), PostgresService.user(), PostgresService.password(),
				name);
	}

	public static TestDatabase of(Kind kind) {
		return kind == Kind.POSTGRES ? postgres() : h2();
	}

	public String url() {
		return this.url;
	}

	public String username() {
		return this.username;
	}

	public String password() {
		return this.password;
	}

	public boolean isPostgres() {
		return this.dropName != null;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.username, this.password);
	}

	/** Spring Boot properties that point an application at this database. */
	public String[] properties() {
		return new String[] { "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.username,
				"--spring.datasource.password=" + this.password };
	}

	@Override
	public void close() {
		if (this.dropName == null) {
			try (Connection c = connect(); Statement st = c.createStatement()) {
				st.execute("SHUTDOWN");
			}
			catch (SQLException ex) {
				// already gone
			}
			return;
		}
		try (Connection admin = PostgresService.adminConnection(); Statement st = admin.createStatement()) {
			st.execute("DROP DATABASE IF EXISTS " + this.dropName + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot drop test database " + this.dropName, ex);
		}
	}

	public enum Kind {

		H2, POSTGRES

	}

}
