package syncjob.simulator;

/**
 * A logged request with who sent it: the client's address (whose weight budget it spent) and
 * the served account its API key reached (the first account when it presented no known key).
 */
public record ClientRequest(String client, String account, RequestLogEntry request) {
}
