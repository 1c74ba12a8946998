-- Guardrails (issue 6): a step's row also says 'suppressed' (with the reason) or 'deferred' (until when).
ALTER TABLE encore_message_log ADD COLUMN deferred_until TIMESTAMP WITH TIME ZONE;
