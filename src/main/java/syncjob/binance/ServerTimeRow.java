package syncjob.binance;

/** {@code GET /fapi/v1/time}. */
record ServerTimeRow(Long serverTime) {

	long requireServerTime() {
		return RowFields.require(serverTime, "serverTime");
	}
}
