package syncjob.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

/**
 * Where a served H2 file database answers. Lets a second process read an embedded H2 file database while a sync holds it open (H2
 * locks the file for one process). H2's own AUTO_SERVER cannot be used: it refuses
 * DB_CLOSE_ON_EXIT=FALSE, which a SIGTERM'd sync needs to record its STOPPED status during
 * shutdown. So the process that opened the file serves it on a loopback TCP port with a
 * random key (the database is reachable only under that key), and publishes port and key in a
 * file beside the database, readable by its owner only; another process started against the
 * same file connects there instead. The file is removed when the server stops; a stale one
 * (a killed process) is ignored, since nothing answers on its port.
 */
public final class SharedH2 implements AutoCloseable {

	private static final String JDBC_FILE = "jdbc:h2:file:";

	private final Path addressFile;

	private SharedH2(Path addressFile) {
		this.addressFile = addressFile;
	}

	/** Where the open database's files are: an embedded H2 file this process opened, else empty. */
	public static Optional<Path> openedFile(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			if (!connection.getMetaData().getURL().startsWith(JDBC_FILE)) {
				return Optional.empty();
			}
			try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE_PATH()")) {
				rs.next();
				return Optional.ofNullable(rs.getString(1)).map(Path::of);
			}
		}
	}

	/** A fresh random key: the served database answers only to this name. */
	public static String newKey() {
		return HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
	}

	/** Writes where the database is served, readable by its owner only, until {@link #close()}. */
	public static SharedH2 publish(Path database, int port, String key) {
		Path addressFile = addressFile(database);
		try {
			Path written = Files.createTempFile(addressFile.getParent(), ".server", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			Files.writeString(written, "port=" + port + "\nkey=" + key + "\n");
			Files.move(written, addressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new SharedH2(addressFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + addressFile + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The URL to reach an H2 file database that another live process serves, or empty when
	 * the URL is no H2 file, nobody serves it, or its server does not answer.
	 */
	public static Optional<String> servedUrl(String url) {
		Optional<Path> file = Databases.h2File(url);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		Path addressFile = addressFile(file.get());
		Properties address = new Properties();
		try {
			if (!Files.isReadable(addressFile)) {
				return Optional.empty();
			}
			try (var reader = Files.newBufferedReader(addressFile)) {
				address.load(reader);
			}
			int port = Integer.parseInt(address.getProperty("port", ""));
			String key = address.getProperty("key", "");
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			}
			String settings = url.contains(";") ? url.substring(url.indexOf(';'))
				.replaceAll("(?i);(DB_CLOSE_ON_EXIT|WRITE_DELAY|AUTO_SERVER|FILE_LOCK|MAX_COMPACT_TIME)=[^;]*", "") : "";
			return Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key + settings);
		}
		catch (IOException | RuntimeException ex) {
			// a stale file of a process that is gone: open the file itself
			return Optional.empty();
		}
	}

	static Path addressFile(Path database) {
		return database.resolveSibling(database.getFileName() + ".server");
	}

	@Override
	public void close() {
		try {
			Files.deleteIfExists(this.addressFile);
		}
		catch (IOException ex) {
			// a left-over file points at a closed port, which readers ignore
		}
	}

}
