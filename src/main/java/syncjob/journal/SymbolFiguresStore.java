package syncjob.journal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import syncjob.lifecycle.SymbolFigures;

/**
 * Each partition's window figures, written in its chunk transaction so that reconciliation
 * sees exactly what committed, whichever execution of the job instance committed it.
 */
public final class SymbolFiguresStore {

	private final NamedParameterJdbcTemplate jdbc;

	public SymbolFiguresStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Replaces the symbol's figures: a partition re-run after a crash recomputes the same ones. */
	public void save(long jobInstanceId, SymbolFigures f) {
		MapSqlParameterSource p = new MapSqlParameterSource("instance", jobInstanceId).addValue("symbol", f.symbol());
		this.jdbc.update("DELETE FROM sync_symbol_figures WHERE job_instance_id = :instance AND symbol = :symbol", p);
		p.addValue("quoteAsset", f.quoteAsset())
			.addValue("fillRealizedPnl", f.fillRealizedPnl())
			.addValue("commissions", encode(f.fillCommissionByAsset()))
			.addValue("pnlRecorded", f.pnlRecorded())
			.addValue("pnlOpen", f.pnlOpen())
			.addValue("pnlRejected", f.pnlRejected())
			.addValue("pnlIncomplete", f.pnlIncomplete())
			.addValue("fundingAccounted", f.fundingAccounted())
			.addValue("fundingUnattributed", f.fundingUnattributed())
			.addValue("tradesRecorded", f.tradesRecorded())
			.addValue("tradesRejected", f.tradesRejected())
			.addValue("lifecyclesOpen", f.lifecyclesOpen())
			.addValue("lifecyclesIncomplete", f.lifecyclesIncomplete())
			.addValue("pnlWithheld", f.pnlWithheld())
			.addValue("lifecyclesWithheld", f.lifecyclesWithheld())
			.addValue("fundingNotServed", f.tradesFundingNotServed())
			.addValue("orderNotServed", f.tradesOrderNotServed())
			.addValue("fillGaps", f.fillGaps().isEmpty() ? null : String.join("\n", f.fillGaps()));
		this.jdbc.update("""
				INSERT INTO sync_symbol_figures (job_instance_id, symbol, quote_asset, fill_realized_pnl,
				    fill_commission_by_asset, pnl_recorded, pnl_open, pnl_rejected, pnl_incomplete, funding_accounted,
				    funding_unattributed, trades_recorded, trades_rejected, lifecycles_open, lifecycles_incomplete,
				    pnl_withheld, lifecycles_withheld, trades_funding_not_served, trades_order_not_served, fill_gaps)
				VALUES (:instance, :symbol, :quoteAsset, :fillRealizedPnl, :commissions, :pnlRecorded, :pnlOpen,
				    :pnlRejected, :pnlIncomplete, :fundingAccounted, :fundingUnattributed, :tradesRecorded,
				    :tradesRejected, :lifecyclesOpen, :lifecyclesIncomplete, :pnlWithheld, :lifecyclesWithheld,
				    :fundingNotServed, :orderNotServed, :fillGaps)""", p);
	}

	public List<SymbolFigures> load(long jobInstanceId) {
		return List.copyOf(this.jdbc.query(
				"SELECT * FROM sync_symbol_figures WHERE job_instance_id = :instance ORDER BY symbol",
				new MapSqlParameterSource("instance", jobInstanceId),
				(rs, i) -> new SymbolFigures(rs.getString("symbol"), rs.getString("quote_asset"),
						rs.getBigDecimal("fill_realized_pnl"), decode(rs.getString("fill_commission_by_asset")),
						rs.getBigDecimal("pnl_recorded"), rs.getBigDecimal("pnl_open"),
						rs.getBigDecimal("pnl_rejected"), rs.getBigDecimal("pnl_incomplete"),
						rs.getBigDecimal("funding_accounted"), rs.getBigDecimal("funding_unattributed"),
						rs.getInt("trades_recorded"), rs.getInt("trades_rejected"), rs.getInt("lifecycles_open"),
						rs.getInt("lifecycles_incomplete"), rs.getBigDecimal("pnl_withheld"),
						rs.getInt("lifecycles_withheld"), rs.getInt("trades_funding_not_served"),
						rs.getInt("trades_order_not_served"), lines(rs.getString("fill_gaps")))));
	}

	private static List<String> lines(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	static String encode(Map<String, BigDecimal> byAsset) {
		return new TreeMap<>(byAsset).entrySet()
			.stream()
			.map((e) -> e.getKey() + ":" + e.getValue().toPlainString())
			.collect(Collectors.joining(","));
	}

	static Map<String, BigDecimal> decode(String text) {
		Map<String, BigDecimal> byAsset = new LinkedHashMap<>();
		if (!text.isEmpty()) {
			Arrays.stream(text.split(","))
				.map((pair) -> pair.split(":", 2))
				.forEach((pair) -> byAsset.put(pair[0], new BigDecimal(pair[1])));
		}
		return Map.copyOf(byAsset);
	}

}
