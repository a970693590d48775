-- Runs the feedback loop queues (live accuracy decayed, or drift persisted) are triggered by
-- 'feedback' and say why in reason. SQLite cannot change a check constraint in place, so the
-- table is rebuilt with the same rows and ids, as SQLite's documentation describes: foreign keys
-- off (model.run_id keeps pointing at the same ids), outside Flyway's transaction (a pragma
-- cannot turn them off inside one; see V9__feedback_runs.sql.conf), then checked and on again.
pragma foreign_keys = off;
create table training_run_rebuilt (
    id                  integer primary key autoincrement,
    snapshot_id         integer      not null references dataset_snapshot (id),
    model_types         varchar(500) not null,
    trigger_kind        varchar(16)  not null check (trigger_kind in ('cli', 'api', 'inbox', 'schedule', 'bootstrap', 'feedback')),
    status              varchar(16)  not null check (status in ('queued', 'running', 'succeeded', 'failed', 'interrupted')),
    options             text         not null,
    created_at          timestamp    not null,
    started_at          timestamp,
    finished_at         timestamp,
    model_index         integer      not null default 0,
    model_count         integer      not null,
    current_model       varchar(64),
    trial               integer      not null default 0,
    trials              integer      not null default 0,
    best_validation_mae double precision,
    error               text,
    outcomes            text         not null default '[]',
    owner               varchar(200),
    lease_until         timestamp,
    error_code          varchar(64),
    reason              varchar(500)
);
insert into training_run_rebuilt (id, snapshot_id, model_types, trigger_kind, status, options,
    created_at, started_at, finished_at, model_index, model_count, current_model, trial, trials,
    best_validation_mae, error, outcomes, owner, lease_until, error_code)
select id, snapshot_id, model_types, trigger_kind, status, options, created_at, started_at,
    finished_at, model_index, model_count, current_model, trial, trials, best_validation_mae, error,
    outcomes, owner, lease_until, error_code
from training_run;
drop table training_run;
alter table training_run_rebuilt rename to training_run;
create index training_run_status on training_run (status);
pragma foreign_keys = on;

-- Sold stones appended to the training data by the feedback loop (diamonds.feedback.append-sales):
-- each append names the snapshot it made and the last sale it took, so no sale is added twice.
create table sale_append (
    snapshot_id  bigint      primary key,
    last_sale_id bigint      not null,
    sales        integer     not null,
    appended_at  timestamp not null
);
