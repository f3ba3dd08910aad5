-- The configuration's versions, shared by every node of the cluster: each one's full YAML text,
-- who saved it (or "file"), when, and what changed. See ConfigVersions.
CREATE TABLE config_versions (
  version BIGINT PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  source TEXT NOT NULL,
  summary TEXT NOT NULL,
  yaml TEXT NOT NULL
);
