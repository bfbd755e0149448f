package syncjob.binance;

import java.util.List;

import syncjob.lifecycle.IncomeRecord;

/**
 * How many slices the rest of an income span is cut into once its first page is read. Every
 * slice costs at least one page (weight 30) even when it turns out empty, so a span is cut only
 * when its first page is full and covers less than half of it (the rest then holds more than
 * one page at that density), and into no more slices than the pages that density predicts.
 */
final class IncomeSlices {

	/** Slices of one span in flight at once. */
	static final int MAX = 8;

	private IncomeSlices() {
	}

	/**
	 * @param first the span's first page
	 * @param start the span's first millisecond
	 * @param end the span's last millisecond, included
	 * @return 1 to page on as one span, else how many slices to page at once
	 */
	static int count(List<IncomeRecord> first, long start, long end) {
		if (first.size() < Endpoint.PAGE_LIMIT) {
			return 1;
		}
		long last = first.get(first.size() - 1).time().toEpochMilli();
		long covered = last - start + 1;
		long rest = end - last;
		if (rest <= covered) {
			return 1;
		}
		// pages still to come at the first page's density, rounded up
		long pages = (rest + covered - 1) / covered;
		return (int) Math.min(MAX, pages);
	}

	/**
	 * {@code slices + 1} ascending bounds: slice {@code i} is {@code [bounds[i], bounds[i + 1])},
	 * together exactly {@code [start, end]}; never an empty slice.
	 */
	static long[] bounds(long start, long end, int slices) {
		long length = end - start + 1;
		int count = (int) Math.max(1, Math.min(slices, length));
		long[] bounds = new long[count + 1];
		for (int i = 0; i <= count; i++) {
			bounds[i] = start + length * i / count;
		}
		return bounds;
	}

}
