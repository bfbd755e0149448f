package syncjob.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import syncjob.command.Restart;
import syncjob.command.SyncRequest;
import syncjob.command.UsageException;

/**
 * Parses the command line of the contract's section 2. Everything that can be judged from
 * the arguments alone is judged here, before Spring starts, so a bad command line writes
 * nothing and fails fast with a message naming the fix.
 */
final class CommandLineParser {

	/** Setting prefixes passed on to Spring Boot as properties. */
	private static final List<String> SETTING_PREFIXES = List.of("binance.", "sync.", "spring.", "logging.",
			"management.");

	private static final Set<String> SPRING_FLAGS = Set.of("debug", "trace");

	private static final Set<String> PARAMETERS = Set.of("account", "accounts", "from", "to", "days");

	/** Account names are stored and shown verbatim; a conservative alphabet keeps them safe everywhere. */
	private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}");

	static final String DEMO_ACCOUNT = "demo";

	static final String MANAGER = "manager";

	static final String WORKER = "worker";

	private static final String HINT = " Run with --help for usage.";

	private final Clock clock;

	CommandLineParser(Clock clock) {
		this.clock = clock;
	}

	CommandLine parse(String... args) {
		if (Arrays.stream(args).anyMatch((arg) -> arg.equals("--help") || arg.equals("-h"))) {
			return CommandLine.helpOnly();
		}
		boolean demo = false;
		Optional<CommandLine.Look> look = Optional.empty();
		Optional<String> role = Optional.empty();
		Optional<Restart> restart = Optional.empty();
		String account = SyncRequest.DEFAULT_ACCOUNT;
		Optional<Instant> from = Optional.empty();
		Optional<Instant> to = Optional.empty();
		int days = SyncRequest.DEFAULT_DAYS;
		List<String> accounts = new ArrayList<>();
		List<String> springArguments = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.startsWith("--")) {
				String option = arg.substring(2);
				String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
				if (name.equals("demo")) {
					demo = true;
				}
				else if (name.equals("report") || name.equals("status") || name.equals("sql")) {
					if (look.isPresent()) {
						throw new UsageException("--report, --status and --sql are one at a time: give one." + HINT);
					}
					if (name.equals("sql") && !option.contains("=")) {
						if (i + 1 >= args.length) {
							throw new UsageException("--sql needs a query: --sql \"select ...\"." + HINT);
						}
						option = "sql=" + args[++i];
					}
					look = Optional.of(look(name, option));
				}
				else if (name.equals("role")) {
					role = Optional.of(role(option));
					springArguments.add("--sync.role=" + role.get());
				}
				else if (name.equals("restart")) {
					restart = Optional.of(restart(option));
				}
				else if (SPRING_FLAGS.contains(name) || SETTING_PREFIXES.stream().anyMatch(name::startsWith)) {
					springArguments.add(arg);
				}
				else {
					throw new UsageException("Unknown option --" + name + "." + HINT);
				}
				continue;
			}
			int eq = arg.indexOf('=');
			if (eq <= 0) {
				throw new UsageException("Unexpected argument '" + arg
						+ "': job parameters are written name=value (account, from, to, days)." + HINT);
			}
			String name = arg.substring(0, eq);
			String value = arg.substring(eq + 1);
			if (!PARAMETERS.contains(name)) {
				throw new UsageException(
						"Unknown job parameter '" + name + "': the parameters are account, accounts, from, to and days."
								+ HINT);
			}
			if (!seen.add(name)) {
				throw new UsageException("Job parameter '" + name + "' is given twice: give it once." + HINT);
			}
			switch (name) {
				case "account" -> account = account(value);
				case "accounts" -> accounts = accounts(value);
				case "from" -> from = Optional.of(instant("from", value));
				case "to" -> to = Optional.of(instant("to", value));
				default -> days = days(value);
			}
		}
		Instant now = this.clock.instant();
		Instant end = to.orElse(now);
		if (from.isPresent() && !from.get().isBefore(end)) {
			throw new UsageException("from=" + from.get() + " is not before to=" + end
					+ ": the window is [from, to), so give a from earlier than to." + HINT);
		}
		if (from.isPresent() && !from.get().isBefore(now)) {
			throw new UsageException("from=" + from.get() + " is not in the past: a sync ends at now at the latest,"
					+ " so give a from earlier than now." + HINT);
		}
		if (restart.isPresent() && (from.isPresent() || to.isPresent() || seen.contains("days"))) {
			throw new UsageException("--restart resumes an execution with its own window: drop from, to and days."
					+ HINT);
		}
		if (look.isPresent() && (restart.isPresent() || from.isPresent() || to.isPresent() || seen.contains("days"))) {
			throw new UsageException("--report, --status and --sql only read the database: drop --restart, from, "
					+ "to and days (account= is accepted)." + HINT);
		}
		if (role.filter(WORKER::equals).isPresent()
				&& (demo || restart.isPresent() || seen.stream().anyMatch((name) -> !name.equals("accounts")))) {
			throw new UsageException("--role=worker runs the partitions its managers send: drop --demo, --restart and"
					+ " the job parameters but accounts= (give them to the --role=manager run)." + HINT);
		}
		if (look.isPresent() && role.isPresent()) {
			throw new UsageException("--report, --status and --sql only read the database: drop --role." + HINT);
		}
		if (seen.contains("account") && seen.contains("accounts")) {
			throw new UsageException("account= and accounts= are both given: name one account with account=, "
					+ "or several with accounts=a,b." + HINT);
		}
		if (look.isPresent() && !accounts.isEmpty()) {
			throw new UsageException("--report, --status and --sql look at one account: give account=NAME instead "
					+ "of accounts=." + HINT);
		}
		if (demo && !accounts.isEmpty()) {
			throw new UsageException("--demo syncs one generated account: drop accounts=." + HINT);
		}
		if (demo && !seen.contains("account")) {
			// Keeps demo trades apart from a real account's in the same default database.
			account = DEMO_ACCOUNT;
		}
		return new CommandLine(false, demo, new SyncRequest(restart, account, from, to, days), springArguments,
				look, accounts);
	}

	private static CommandLine.Look look(String name, String option) {
		String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
		return switch (name) {
			case "status" -> {
				if (value != null) {
					throw new UsageException("--status takes no value: give --status alone (account= picks the account)."
							+ HINT);
				}
				yield new CommandLine.Status();
			}
			case "sql" -> {
				if (value.isBlank()) {
					throw new UsageException("--sql needs a query: --sql \"select ...\"." + HINT);
				}
				yield new CommandLine.Sql(value);
			}
			default -> new CommandLine.Report(value == null ? Optional.empty() : Optional.of(executionId("--report", value)));
		};
	}

	private static long executionId(String option, String id) {
		try {
			long executionId = Long.parseLong(id);
			if (executionId > 0) {
				return executionId;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException(option + "=" + id + " is not an execution id: give a positive number, or "
				+ option + " alone for the most recent one." + HINT);
	}

	private static String role(String option) {
		String role = option.contains("=") ? option.substring(option.indexOf('=') + 1) : "";
		if (role.equals(MANAGER) || role.equals(WORKER)) {
			return role;
		}
		throw new UsageException("--role=" + role + " is not a role: give --role=manager (runs the job, its batches"
				+ " on workers) or --role=worker (runs the batches), or no --role for one process." + HINT);
	}

	private static Restart restart(String option) {
		if (!option.contains("=")) {
			return Restart.mostRecent();
		}
		String id = option.substring(option.indexOf('=') + 1);
		try {
			long executionId = Long.parseLong(id);
			if (executionId > 0) {
				return Restart.of(executionId);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("--restart=" + id
				+ " is not an execution id: give a positive number, or --restart alone for the most recent one."
				+ HINT);
	}

	/** {@code accounts=a,b}: distinct valid names, in the order given. */
	private static List<String> accounts(String value) {
		List<String> names = new ArrayList<>();
		for (String name : value.split(",", -1)) {
			String account = account(name.strip());
			if (names.contains(account)) {
				throw new UsageException("accounts= names " + account + " twice: name each account once." + HINT);
			}
			names.add(account);
		}
		return names;
	}

	static String account(String value) {
		if (value.isEmpty()) {
			throw new UsageException("account is empty: give a name such as account=main." + HINT);
		}
		if (!ACCOUNT.matcher(value).matches()) {
			throw new UsageException("account='" + value
					+ "' is not a valid name: use up to 128 letters, digits and . _ @ : - (starting with a letter or digit)."
					+ HINT);
		}
		return value;
	}

	static Instant instant(String name, String value) {
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			throw new UsageException(name + "=" + value
					+ " is not a date or instant: write an ISO-8601 instant such as 2026-09-01T00:00:00Z, or a date such as 2026-09-01 (its UTC midnight)."
					+ HINT);
		}
	}

	private static int days(String value) {
		try {
			int days = Integer.parseInt(value);
			if (days > 0) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new UsageException("days=" + value + " is not a positive whole number of days: give e.g. days=30." + HINT);
	}

}
