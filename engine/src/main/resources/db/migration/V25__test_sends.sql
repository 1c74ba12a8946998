-- A marketer's test send (decision 029): logged like any message but flagged, so that caps,
-- send-once keys, conversions and analytics never count it.
ALTER TABLE encore_message_log ADD COLUMN test_send BOOLEAN DEFAULT FALSE NOT NULL;
