-- The klines cache keeps a row per served page (up to 1000 candles, as text) instead of a row per
-- candle: a run caches tens of thousands of candles, and inserting each as a row cost the job more
-- CPU than fetching it. The old rows are only a cache: they go, and a later run asks Binance again.
DROP TABLE klines_cache;

-- Klines as served, per exchange (a simulator's prices never stand in for Binance's): only
-- candles that had closed when served, which are immutable history. A row holds the candles
-- opening from first_open_time to last_open_time, one per line: open time (epoch milliseconds),
-- open, high, low and close, as served.
CREATE TABLE klines_cache (
    base_url        VARCHAR(512)             NOT NULL,
    symbol          VARCHAR(64)              NOT NULL,
    kline_interval  VARCHAR(8)               NOT NULL,
    first_open_time TIMESTAMP WITH TIME ZONE NOT NULL,
    last_open_time  TIMESTAMP WITH TIME ZONE NOT NULL,
    candle_count    INTEGER                  NOT NULL,
    candles         VARCHAR                  NOT NULL,
    CONSTRAINT pk_klines_cache PRIMARY KEY (base_url, symbol, kline_interval, first_open_time, last_open_time)
);
