package syncjob.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** Answers one endpoint from the account; rule violations are thrown as {@link ExchangeError}. */
@FunctionalInterface
interface EndpointHandler {

	JsonNode respond(QueryParams params, Instant serverNow);
}
