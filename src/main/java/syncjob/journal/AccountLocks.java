package syncjob.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * One run per account at a time. On PostgreSQL a session advisory lock, held on a dedicated
 * connection, excludes every other process and vanishes with a killed one, so a run that
 * holds it knows an execution left STARTED is dead. The embedded H2 file database admits one
 * process at a time by its own file lock, so there an in-process lock completes the guard.
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
			connection.close();
			String key = url + "|" + account;
			if (!HELD_IN_THIS_PROCESS.add(key)) {
				return Optional.empty();
			}
			return Optional.of(new InProcessLock(key, !url.contains("AUTO_SERVER=TRUE") && !url.startsWith("jdbc:h2:tcp")));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot take the account lock: " + ex.getMessage(), ex);
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

	private record InProcessLock(String key, boolean excludesOtherProcesses) implements AccountLock {

		@Override
		public void close() {
			HELD_IN_THIS_PROCESS.remove(this.key);
		}

	}

}
