-- The journal columns beyond the basics (SPEC 3b), the open-positions snapshot (SPEC 3c) and the
-- klines they are valued with. One column per ALTER: the form PostgreSQL and H2 both accept.
-- Every new trade_entries column is nullable: rows an earlier version wrote have none of them,
-- and a later sync of their window fills them where they are null (never overwriting).
ALTER TABLE trade_entries ADD COLUMN quote_asset VARCHAR(32);
ALTER TABLE trade_entries ADD COLUMN hold_seconds BIGINT;
ALTER TABLE trade_entries ADD COLUMN entry_notional NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN exit_notional NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN net_return_pct NUMERIC(38, 8);
ALTER TABLE trade_entries ADD COLUMN result VARCHAR(16);
ALTER TABLE trade_entries ADD COLUMN maker_ratio NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN close_reason VARCHAR(16);
ALTER TABLE trade_entries ADD COLUMN fee_other_quote NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN net_pnl_all_fees NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN excursion_interval VARCHAR(8);
ALTER TABLE trade_entries ADD COLUMN mae_price NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN mfe_price NUMERIC(38, 12);
ALTER TABLE trade_entries ADD COLUMN mae_pct NUMERIC(38, 8);
ALTER TABLE trade_entries ADD COLUMN mfe_pct NUMERIC(38, 8);

-- What liquidations paid to the insurance fund in the window, per symbol and in total.
ALTER TABLE sync_reconciliation ADD COLUMN income_insurance_clear NUMERIC(38, 12) DEFAULT 0 NOT NULL;

-- Per account, the streams with a position at the end ('as_of') of its latest completed sync,
-- rewritten whole in one transaction by each completed sync whose window does not end earlier.
CREATE TABLE open_positions (
    account          VARCHAR(128)             NOT NULL,
    symbol           VARCHAR(64)              NOT NULL,
    position_side    VARCHAR(8)               NOT NULL,
    direction        VARCHAR(8)               NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE,
    quantity         NUMERIC(38, 12)          NOT NULL,
    entry_price      NUMERIC(38, 12),
    realized_pnl     NUMERIC(38, 12)          NOT NULL,
    fees             NUMERIC(38, 12)          NOT NULL,
    funding_fees     NUMERIC(38, 12)          NOT NULL,
    fill_count       INTEGER                  NOT NULL,
    complete         BOOLEAN                  NOT NULL,
    as_of            TIMESTAMP WITH TIME ZONE NOT NULL,
    job_execution_id BIGINT                   NOT NULL,
    CONSTRAINT pk_open_positions PRIMARY KEY (account, symbol, position_side)
);

-- When each account's snapshot was taken, also when it holds no position: a sync whose window
-- ends earlier than this leaves the snapshot alone.
CREATE TABLE open_positions_as_of (
    account          VARCHAR(128)             NOT NULL PRIMARY KEY,
    as_of            TIMESTAMP WITH TIME ZONE NOT NULL,
    job_execution_id BIGINT                   NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);

-- Each partition's open streams, written in its chunk transaction like sync_symbol_figures, so
-- that the final write copies every batch's, those an earlier execution of the instance committed
-- included.
CREATE TABLE sync_open_positions (
    job_instance_id BIGINT                   NOT NULL,
    symbol          VARCHAR(64)              NOT NULL,
    position_side   VARCHAR(8)               NOT NULL,
    direction       VARCHAR(8)               NOT NULL,
    opened_at       TIMESTAMP WITH TIME ZONE,
    quantity        NUMERIC(38, 12)          NOT NULL,
    entry_price     NUMERIC(38, 12),
    realized_pnl    NUMERIC(38, 12)          NOT NULL,
    fees            NUMERIC(38, 12)          NOT NULL,
    funding_fees    NUMERIC(38, 12)          NOT NULL,
    fill_count      INTEGER                  NOT NULL,
    complete        BOOLEAN                  NOT NULL,
    CONSTRAINT pk_sync_open_positions PRIMARY KEY (job_instance_id, symbol, position_side)
);

-- Klines as served, per exchange (a simulator's prices never stand in for Binance's): only
-- candles that had closed when served, which are immutable history.
CREATE TABLE klines_cache (
    base_url       VARCHAR(512)             NOT NULL,
    symbol         VARCHAR(64)              NOT NULL,
    kline_interval VARCHAR(8)               NOT NULL,
    open_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    open_price     NUMERIC(38, 12)          NOT NULL,
    high_price     NUMERIC(38, 12)          NOT NULL,
    low_price      NUMERIC(38, 12)          NOT NULL,
    close_price    NUMERIC(38, 12)          NOT NULL,
    CONSTRAINT pk_klines_cache PRIMARY KEY (base_url, symbol, kline_interval, open_time)
);
