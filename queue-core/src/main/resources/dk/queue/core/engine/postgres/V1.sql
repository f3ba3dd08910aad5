-- The event log: one row per event of a branch. (branch, seq) is unique, so writing an event twice
-- changes nothing. body is the event as the node's JSON mapping writes it (no personal data).
CREATE TABLE events (
  branch TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  type TEXT NOT NULL,
  body JSONB NOT NULL,
  PRIMARY KEY (branch, seq)
);
CREATE INDEX events_branch_at ON events (branch, at);
CREATE INDEX events_day_started ON events (branch, seq) WHERE type = 'DayStarted';
