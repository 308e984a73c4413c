-- Placed orders. The request and the server's quote are kept as JSON exactly as they were accepted;
-- the columns beside them are what the shop looks orders up and reports by.
CREATE TABLE orders (
  id              TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  state           TEXT NOT NULL CHECK (state IN ('confirmed')),
  placed_at       TEXT NOT NULL,
  email           TEXT NOT NULL,
  payment         TEXT NOT NULL,
  total_cents     INTEGER NOT NULL CHECK (total_cents >= 0),
  request_json    TEXT NOT NULL,
  quote_json      TEXT NOT NULL
) STRICT;

CREATE INDEX orders_by_placed_at ON orders (placed_at);
