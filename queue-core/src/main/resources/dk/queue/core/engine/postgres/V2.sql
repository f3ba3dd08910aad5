-- Events that a node could not read (an event of a newer release, a damaged row), moved here from
-- events so that the replay goes on past them; kept for a person to look at.
CREATE TABLE events_set_aside (
  branch TEXT NOT NULL,
  seq BIGINT NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  type TEXT NOT NULL,
  body JSONB NOT NULL,
  problem TEXT NOT NULL,
  set_aside_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (branch, seq)
);
