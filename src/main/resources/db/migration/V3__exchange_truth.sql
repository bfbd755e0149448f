-- What syncs established about the exchange they talked to, per base URL. Binance's docs leave
-- open how far back a request naming only an id (userTrades fromId, allOrders orderId) reaches;
-- each run proves or disproves it as it pages, and the next run starts from what is known.
CREATE TABLE exchange_facts (
    base_url                  VARCHAR(512)             NOT NULL,
    endpoint                  VARCHAR(128)             NOT NULL,
    reaches_at_least_seconds  BIGINT,
    reaches_less_than_seconds BIGINT,
    established_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    evidence                  VARCHAR(1024)            NOT NULL,
    CONSTRAINT pk_exchange_facts PRIMARY KEY (base_url, endpoint)
);

-- What Binance did not serve, per symbol: reconciliation names each kind of gap.
ALTER TABLE sync_symbol_figures ADD COLUMN pnl_withheld NUMERIC(38, 12) DEFAULT 0 NOT NULL;
ALTER TABLE sync_symbol_figures ADD COLUMN lifecycles_withheld INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_symbol_figures ADD COLUMN trades_funding_not_served INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_symbol_figures ADD COLUMN trades_order_not_served INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_symbol_figures ADD COLUMN fill_gaps VARCHAR(100000);

-- income_served_from: the oldest income Binance serves, when the sync needed income older than a week
-- (null otherwise); when it falls inside the window, the income columns compare the window from it on.
ALTER TABLE sync_reconciliation ADD COLUMN income_served_from TIMESTAMP WITH TIME ZONE;
ALTER TABLE sync_reconciliation ADD COLUMN pnl_withheld NUMERIC(38, 12) DEFAULT 0 NOT NULL;
ALTER TABLE sync_reconciliation ADD COLUMN lifecycles_withheld INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_reconciliation ADD COLUMN trades_funding_not_served INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE sync_reconciliation ADD COLUMN trades_order_not_served INTEGER DEFAULT 0 NOT NULL;
