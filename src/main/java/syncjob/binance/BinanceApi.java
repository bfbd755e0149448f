package syncjob.binance;

import java.util.List;

import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Query;

/**
 * The USD-M endpoints the client uses. Paths are relative so a base URL with a path prefix
 * works; null query values are left out of the request.
 */
interface BinanceApi {

	@GET("fapi/v1/time")
	Call<ServerTimeRow> time();

	@GET("fapi/v1/exchangeInfo")
	Call<ExchangeInfoRow> exchangeInfo();

	@Signed
	@GET("fapi/v3/positionRisk")
	Call<List<PositionRow>> positionRisk();

	@Signed
	@GET("fapi/v1/income")
	Call<List<IncomeRow>> income(@Query("symbol") String symbol, @Query("incomeType") String incomeType,
			@Query("startTime") Long startTime, @Query("endTime") Long endTime, @Query("page") Integer page,
			@Query("limit") Integer limit);

	@Signed
	@GET("fapi/v1/userTrades")
	Call<List<TradeRow>> userTrades(@Query("symbol") String symbol, @Query("startTime") Long startTime,
			@Query("endTime") Long endTime, @Query("fromId") Long fromId, @Query("limit") Integer limit);

	@Signed
	@GET("fapi/v1/allOrders")
	Call<List<OrderRow>> allOrders(@Query("symbol") String symbol, @Query("orderId") Long orderId,
			@Query("startTime") Long startTime, @Query("endTime") Long endTime, @Query("limit") Integer limit);

	@GET("fapi/v1/klines")
	Call<List<KlineRow>> klines(@Query("symbol") String symbol, @Query("interval") String interval,
			@Query("startTime") Long startTime, @Query("endTime") Long endTime, @Query("limit") Integer limit);

	@Signed
	@GET("fapi/v1/order")
	Call<OrderRow> order(@Query("symbol") String symbol, @Query("orderId") Long orderId);
}
