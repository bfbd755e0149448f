package syncjob.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * One run per account at a time. On PostgreSQL a session advisory lock, held on a dedicated
 * connection, excludes every other process and vanishes with a killed one, so a run that
 * holds it knows an execution left STARTED is dead. The embedded H2 file database admits one
 * process at a time by its own file lock, but others may reach it through the server of the
 * process that holds it ({@link SharedH2}): there a lock file per account beside the database
 * excludes every process, and vanishes with a killed one. In memory, an in-process lock.
 */
public final class AccountLocks {

	private static final Set<String> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

	private final DataSource dataSource;

	public AccountLocks(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public Optional<AccountLock> tryAcquire(String account) {
		try {
			Connection connection = this.dataSource.getConnection();
			String product = connection.getMetaData().getDatabaseProductName();
			String url = connection.getMetaData().getURL();
			if ("PostgreSQL".equalsIgnoreCase(product)) {
				return advisory(connection, account);
			}
			Optional<Path> file = h2Path(connection);
			connection.close();
			String key = file.map(Path::toString).orElse(url) + "|" + account;
			if (!HELD_IN_THIS_PROCESS.add(key)) {
				return Optional.empty();
			}
			if (file.isPresent()) {
				// other processes may reach this file through a server (SharedH2): a lock file beside it excludes them
				return fileLock(key, file.get(), account);
			}
			return Optional.of(new InProcessLock(key, !url.contains("AUTO_SERVER=TRUE") && !url.startsWith("jdbc:h2:tcp")));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot take the account lock: " + ex.getMessage(), ex);
		}
	}

	/** Where an H2 database's files are (also when reached through a server); empty in memory. */
	private static Optional<Path> h2Path(Connection connection) throws SQLException {
		try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT DATABASE_PATH()")) {
			rs.next();
			return Optional.ofNullable(rs.getString(1)).map(Path::of);
		}
	}

	private static Optional<AccountLock> fileLock(String key, Path database, String account) {
		Path lockFile = database.resolveSibling(database.getFileName() + ".account-"
				+ Long.toHexString(keyOf(account)) + ".lock");
		try {
			Files.createDirectories(lockFile.getParent());
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				HELD_IN_THIS_PROCESS.remove(key);
				return Optional.empty();
			}
			return Optional.of(new FileAccountLock(key, channel));
		}
		catch (IOException ex) {
			HELD_IN_THIS_PROCESS.remove(key);
			throw new IllegalStateException("cannot take the account lock " + lockFile + ": " + ex.getMessage(), ex);
		}
	}

	private static Optional<AccountLock> advisory(Connection connection, String account) throws SQLException {
		long key = keyOf(account);
		try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			ps.setLong(1, key);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				if (rs.getBoolean(1)) {
					return Optional.of(new AdvisoryLock(connection, key));
				}
			}
		}
		connection.close();
		return Optional.empty();
	}

	/** A stable 64-bit key per account name, shared by every process. */
	static long keyOf(String account) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(("sync-job:" + account).getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (digest[i] & 0xff);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record AdvisoryLock(Connection connection, long key) implements AccountLock {

		@Override
		public boolean excludesOtherProcesses() {
			return true;
		}

		@Override
		public void close() {
			try (Connection c = this.connection; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
				ps.setLong(1, this.key);
				ps.execute();
			}
			catch (SQLException ex) {
				// the session is gone, and the lock with it
			}
		}

	}

	/** An OS file lock: held by this process only, and released by the OS when it dies. */
	private record FileAccountLock(String key, FileChannel channel) implements AccountLock {

		@Override
		public boolean excludesOtherProcesses() {
			return true;
		}

		@Override
		public void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closing releases the lock; a failure here leaves it to the process's end
			}
			finally {
				HELD_IN_THIS_PROCESS.remove(this.key);
			}
		}

	}

	private record InProcessLock(String key, boolean excludesOtherProcesses) implements AccountLock {

		@Override
		public void close() {
			HELD_IN_THIS_PROCESS.remove(this.key);
		}

	}

}
