-- One row per journey step's send (issue 5): written as 'sending' before the provider call and committed on its
-- own, so a job rerun after a crash finds it and never sends blindly twice. Earlier builds wrote one row per
-- attempt; keep the latest row of each step.
DELETE FROM encore_message_log WHERE id NOT IN (SELECT MAX(id) FROM encore_message_log GROUP BY send_key);
DROP INDEX ix_encore_message_log_send_key;
ALTER TABLE encore_message_log ADD CONSTRAINT uq_encore_message_log_send_key UNIQUE (send_key);
ALTER TABLE encore_message_log ADD COLUMN attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE encore_message_log ADD COLUMN segments INTEGER;
