-- Every entry of a customer into a journey: re-entry rules, holdout, goal attribution.
-- Outlives Camunda's history clean-up on purpose (a "never again" journey must remember).
CREATE TABLE encore_journey_entry (
    process_instance_id   VARCHAR(64)  PRIMARY KEY,
    process_definition_id VARCHAR(300) NOT NULL,
    journey_key           VARCHAR(200) NOT NULL,
    customer_id           VARCHAR(200) NOT NULL,
    entered_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    holdout               BOOLEAN      NOT NULL
);
CREATE INDEX ix_encore_journey_entry_customer ON encore_journey_entry (customer_id, entered_at);
CREATE INDEX ix_encore_journey_entry_journey ON encore_journey_entry (journey_key, customer_id, entered_at);

-- The branch a journey instance took at each random split (a split may sit in a loop: one row per split).
CREATE TABLE encore_split_assignment (
    process_instance_id VARCHAR(64)  NOT NULL,
    split_id            VARCHAR(200) NOT NULL,
    branch              VARCHAR(200) NOT NULL,
    assigned_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (process_instance_id, split_id)
);

-- A journey's goal reached: at most one per journey instance, with the branch and the last message sent before it.
CREATE TABLE encore_conversion (
    process_instance_id VARCHAR(64)  PRIMARY KEY,
    journey_key         VARCHAR(200) NOT NULL,
    customer_id         VARCHAR(200) NOT NULL,
    branch              VARCHAR(200),
    holdout             BOOLEAN      NOT NULL,
    event_message_id    VARCHAR(200) NOT NULL,
    event_name          VARCHAR(200) NOT NULL,
    revenue             NUMERIC(19, 4),
    currency            VARCHAR(10),
    last_send_key       VARCHAR(300),
    last_template_id    VARCHAR(200),
    converted_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_encore_conversion_journey ON encore_conversion (journey_key, converted_at);
CREATE INDEX ix_encore_conversion_customer ON encore_conversion (customer_id);
