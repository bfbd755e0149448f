package syncjob.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import syncjob.command.UsageException;

/**
 * Reads {@code --sync.accounts-file}: a YAML list of accounts, each with a name and where its
 * key and secret come from (an environment variable or a file). Secrets never belong in this
 * file. Every mistake is a usage error naming the file and the line, so that nothing runs.
 * <pre>
 * accounts:
 *   - name: alice
 *     api-key-env: ALICE_BINANCE_KEY
 *     api-secret-env: ALICE_BINANCE_SECRET
 *   - name: bob
 *     api-key-file: /run/secrets/bob/key
 *     api-secret-file: /run/secrets/bob/secret
 * </pre>
 */
final class AccountsFile {

	static final Set<String> KEYS = Set.of("name", "api-key-env", "api-key-file", "api-secret-env",
			"api-secret-file");

	private static final Set<String> SECRETS = Set.of("api-key", "api-secret", "key", "secret", "apikey",
			"apisecret", "api_key", "api_secret");

	private final String file;

	private AccountsFile(String file) {
		this.file = file;
	}

	static List<AccountEntry> read(Path path) {
		String name = path.toString();
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			return parse(name, reader);
		}
		catch (IOException ex) {
			throw new UsageException("sync.accounts-file=" + name + " cannot be read (" + ex.getClass().getSimpleName()
					+ "): give the path of a YAML file of accounts.");
		}
	}

	static List<AccountEntry> parse(String file, Reader reader) {
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() != null ? ex.getProblemMark().getLine() + 1 : 0;
			throw new UsageException(file + " line " + line + ": not valid YAML (" + ex.getProblem() + ").");
		}
		catch (YAMLException ex) {
			throw new UsageException(file + ": not valid YAML (" + ex.getMessage() + ").");
		}
		return new AccountsFile(file).accounts(root);
	}

	private List<AccountEntry> accounts(Node root) {
		if (!(root instanceof MappingNode mapping)) {
			throw problem(root, "expected 'accounts:' followed by a list of accounts");
		}
		Node list = null;
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), "a setting name");
			if (!key.equals("accounts")) {
				throw problem(tuple.getKeyNode(), "unknown setting '" + key + "': the file holds 'accounts:' only");
			}
			list = tuple.getValueNode();
		}
		if (!(list instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
			throw problem(list != null ? list : root, "'accounts:' must be a list of accounts, each starting '- name:'");
		}
		List<AccountEntry> entries = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		for (Node item : sequence.getValue()) {
			AccountEntry entry = account(item);
			Integer earlier = seen.putIfAbsent(entry.name(), entry.line());
			if (earlier != null) {
				throw problem(item, "account '" + entry.name() + "' is listed twice (also on line " + earlier
						+ "): each account once");
			}
			entries.add(entry);
		}
		return List.copyOf(entries);
	}

	private AccountEntry account(Node item) {
		if (!(item instanceof MappingNode mapping)) {
			throw problem(item, "an account is a mapping: name, then api-key-env or api-key-file, "
					+ "and api-secret-env or api-secret-file");
		}
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), "a setting name");
			if (SECRETS.contains(key)) {
				throw problem(tuple.getKeyNode(), "'" + key + "' would put a secret in this file: name where it is "
						+ "instead, with " + (key.contains("secret") ? "api-secret-env or api-secret-file"
								: "api-key-env or api-key-file"));
			}
			if (!KEYS.contains(key)) {
				throw problem(tuple.getKeyNode(), "unknown setting '" + key + "': an account has name, api-key-env "
						+ "or api-key-file, and api-secret-env or api-secret-file");
			}
			if (fields.put(key, tuple.getValueNode()) != null) {
				throw problem(tuple.getKeyNode(), "'" + key + "' is given twice");
			}
		}
		Node nameNode = fields.get("name");
		if (nameNode == null) {
			throw problem(item, "the account has no name: add 'name: ...'");
		}
		String name = scalar(nameNode, "an account name");
		try {
			CommandLineParser.account(name);
		}
		catch (UsageException ex) {
			throw problem(nameNode, "'" + name + "' is not a valid account name: use up to 128 letters, digits "
					+ "and . _ @ : - (starting with a letter or digit)");
		}
		int line = item.getStartMark().getLine() + 1;
		return new AccountEntry(name, source(item, fields, "api-key", name), source(item, fields, "api-secret", name),
				line);
	}

	private CredentialSource source(Node item, Map<String, Node> fields, String credential, String account) {
		Node env = fields.get(credential + "-env");
		Node path = fields.get(credential + "-file");
		if (env != null && path != null) {
			throw problem(path, "account '" + account + "' gives both " + credential + "-env and " + credential
					+ "-file: keep one");
		}
		if (env == null && path == null) {
			throw problem(item, "account '" + account + "' has no " + credential + "-env or " + credential
					+ "-file: say where its " + (credential.equals("api-key") ? "API key" : "API secret")
					+ " comes from");
		}
		if (env != null) {
			String variable = scalar(env, "an environment variable name");
			if (!variable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				throw problem(env, "'" + variable + "' is not an environment variable name");
			}
			return new CredentialSource.Environment(variable);
		}
		return new CredentialSource.File(Path.of(scalar(path, "a file path")));
	}

	private String scalar(Node node, String what) {
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			throw problem(node, "expected " + what);
		}
		return scalar.getValue().strip();
	}

	private UsageException problem(Node node, String message) {
		int line = node == null ? 1 : node.getStartMark().getLine() + 1;
		return new UsageException(file + " line " + line + ": " + message + ".");
	}

}
