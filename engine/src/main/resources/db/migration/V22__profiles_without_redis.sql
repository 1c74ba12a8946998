-- Customer profiles when no Redis is configured (the try-out): one row per customer holding the fields of the Redis
-- hash as JSON, so a restart keeps profiles as it keeps journeys. Contacts and birthday are columns for support's
-- search and the birthday scan. With Redis configured this table stays empty.
CREATE TABLE encore_profile (
    customer_id VARCHAR(200) PRIMARY KEY,
    fields      TEXT         NOT NULL,
    email_key   VARCHAR(320),
    phone_key   VARCHAR(64),
    line_key    VARCHAR(300),
    birthday    CHAR(5),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_encore_profile_email ON encore_profile (email_key);
CREATE INDEX ix_encore_profile_phone ON encore_profile (phone_key);
CREATE INDEX ix_encore_profile_line ON encore_profile (line_key);
CREATE INDEX ix_encore_profile_birthday ON encore_profile (birthday);
