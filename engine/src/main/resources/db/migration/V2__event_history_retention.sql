-- Event history is purged by age (encore.intake.retention): find old rows without a scan.
CREATE INDEX ix_encore_event_received ON encore_event (received_at);
