package syncjob.job;

import syncjob.lifecycle.SymbolOutcome;

/** One symbol after the domain pipeline, with what reading it cost. */
record ProcessedSymbol(SymbolOutcome outcome, int fillsFetched, int lifecycles, int calls, int weight) {

}
