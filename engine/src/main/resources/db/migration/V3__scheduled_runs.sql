-- One row per run of a cluster-wide scheduled task (e.g. the daily churn scan): the primary key lets exactly one
-- node claim each run, however many nodes try.
CREATE TABLE encore_scheduled_run (
    task        VARCHAR(100) NOT NULL,
    slot        VARCHAR(40)  NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_encore_scheduled_run PRIMARY KEY (task, slot)
);
