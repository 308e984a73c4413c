-- One row per Idempotency-Key. A row without a response is an attempt still running (or one that
-- died: `locked_at` lets a later attempt take it over). A row with a response is the first answer,
-- replayed to every repeat of the same request.
CREATE TABLE idempotency_keys (
  key             TEXT PRIMARY KEY,
  request_hash    TEXT NOT NULL,
  locked_at       INTEGER NOT NULL,
  response_status INTEGER,
  response_body   TEXT,
  created_at      INTEGER NOT NULL
) STRICT;
