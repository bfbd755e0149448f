package syncjob.cli;

/**
 * One account of a run over several: its name and where its API key and secret come from,
 * never the secrets themselves.
 *
 * @param line where the account is defined in the accounts file, 0 when it was named by
 *        {@code accounts=} alone
 */
record AccountEntry(String name, CredentialSource key, CredentialSource secret, int line) {

	/** Where the entry is defined, for messages: {@code accounts.yml line 4}, or the parameter. */
	String origin(String file) {
		return line > 0 ? file + " line " + line : "accounts=" + name;
	}

}
