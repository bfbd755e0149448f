package syncjob.job;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import syncjob.journal.SharedH2;

/**
 * Serves the embedded H2 file database this process opened, on loopback under a random key,
 * so that {@code --status}, {@code --sql} or another account's sync can use it meanwhile
 * (see {@link SharedH2}). Nothing for PostgreSQL or a database this process reaches through
 * another's server. Stopped with the context, before the connection pool closes.
 */
final class DatabaseServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);

	private final Server server;

	private final SharedH2 published;

	private DatabaseServer(Server server, SharedH2 published) {
		this.server = server;
		this.published = published;
	}

	static DatabaseServer start(DataSource dataSource) {
		Optional<Path> file;
		try {
			file = SharedH2.openedFile(dataSource);
		}
		catch (SQLException ex) {
			// the database cannot be opened: the run's own start reports why
			return new DatabaseServer(null, null);
		}
		if (file.isEmpty()) {
			return new DatabaseServer(null, null);
		}
		String key = SharedH2.newKey();
		try {
			Server server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-key", key, file.get().toString())
				.start();
			return new DatabaseServer(server, SharedH2.publish(file.get(), server.getPort(), key));
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("The database {} cannot be shared with other processes while this one runs: {}", file.get(),
					ex.getMessage());
			return new DatabaseServer(null, null);
		}
	}

	@Override
	public void close() {
		if (this.published != null) {
			this.published.close();
		}
		if (this.server != null) {
			this.server.stop();
		}
	}

}
