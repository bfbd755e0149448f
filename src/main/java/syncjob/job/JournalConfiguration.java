package syncjob.job;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.journal.ExchangeFactsStore;
import syncjob.journal.IncomeStaging;
import syncjob.journal.KlinesCacheStore;
import syncjob.journal.OpenPositionsStore;
import syncjob.journal.ReconciliationStore;
import syncjob.journal.RejectedTradesStore;
import syncjob.journal.SymbolFiguresStore;
import syncjob.journal.SyncNotifier;
import syncjob.journal.TradeDetailsBackfill;
import syncjob.journal.Watermarks;

/** The journal's data access, each on the one auto-configured JDBC template. */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DataSource dataSource) {
		return DatabaseServer.start(dataSource);
	}

	@Bean
	IncomeStaging incomeStaging(NamedParameterJdbcTemplate jdbc) {
		return new IncomeStaging(jdbc);
	}

	@Bean
	RejectedTradesStore rejectedTradesStore(NamedParameterJdbcTemplate jdbc) {
		return new RejectedTradesStore(jdbc);
	}

	@Bean
	SymbolFiguresStore symbolFiguresStore(NamedParameterJdbcTemplate jdbc) {
		return new SymbolFiguresStore(jdbc);
	}

	@Bean
	ReconciliationStore reconciliationStore(NamedParameterJdbcTemplate jdbc) {
		return new ReconciliationStore(jdbc);
	}

	@Bean
	Watermarks watermarks(NamedParameterJdbcTemplate jdbc) {
		return new Watermarks(jdbc);
	}

	@Bean
	ExchangeFactsStore exchangeFactsStore(NamedParameterJdbcTemplate jdbc) {
		return new ExchangeFactsStore(jdbc);
	}

	@Bean
	TradeDetailsBackfill tradeDetailsBackfill(NamedParameterJdbcTemplate jdbc) {
		return new TradeDetailsBackfill(jdbc);
	}

	@Bean
	OpenPositionsStore openPositionsStore(NamedParameterJdbcTemplate jdbc) {
		return new OpenPositionsStore(jdbc);
	}

	@Bean
	KlinesCacheStore klinesCacheStore(NamedParameterJdbcTemplate jdbc) {
		return new KlinesCacheStore(jdbc);
	}

	@Bean
	SyncNotifier syncNotifier(DataSource dataSource) {
		return new SyncNotifier(dataSource);
	}

}
