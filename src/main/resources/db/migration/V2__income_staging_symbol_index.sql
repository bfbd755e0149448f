-- Partitions read one symbol's staged income (its funding, its first trade id): without the
-- symbol in the index each read scanned the account's whole window.
CREATE INDEX ix_income_staging_symbol_window ON income_staging (account, symbol, income_time);
