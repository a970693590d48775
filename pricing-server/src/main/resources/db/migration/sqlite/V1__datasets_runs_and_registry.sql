-- Dataset snapshots: immutable; rows stored encoded (pricing-ml DatasetCodec, gzipped columns).
create table dataset_snapshot (
    id             integer primary key autoincrement,
    content_hash   varchar(64)  not null unique,
    source         varchar(500) not null,
    mode           varchar(16)  not null check (mode in ('replace', 'append')),
    parent_id      integer references dataset_snapshot (id),
    created_at     timestamp    not null,
    rows_read      bigint       not null,
    rows_kept      integer      not null,
    rows_dropped   bigint       not null,
    rows_malformed bigint       not null,
    quality_report text         not null,
    data           blob         not null
);

-- The snapshot training uses by default; one row.
create table dataset_current (
    name        varchar(16) primary key check (name = 'current'),
    snapshot_id integer     not null references dataset_snapshot (id),
    updated_at  timestamp   not null
);

create table training_run (
    id                  integer primary key autoincrement,
    snapshot_id         integer      not null references dataset_snapshot (id),
    model_types         varchar(500) not null,
    trigger_kind        varchar(16)  not null check (trigger_kind in ('cli', 'api', 'inbox', 'schedule', 'bootstrap')),
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
    outcomes            text         not null default '[]'
);
create index training_run_status on training_run (status);

-- Trained models: never updated (see the trigger below).
create table model (
    id                  integer primary key autoincrement,
    type                varchar(64)      not null,
    version             integer          not null,
    run_id              integer          references training_run (id),
    snapshot_id         integer          not null references dataset_snapshot (id),
    created_at          timestamp        not null,
    training_seconds    double precision not null,
    parameters          text             not null,
    provenance          text             not null,
    test_r2             double precision not null,
    test_mae            double precision not null,
    test_rmse           double precision not null,
    test_mape           double precision not null,
    validation_metrics  text,
    n_train             integer          not null,
    n_test              integer          not null,
    libraries           text             not null,
    artifact            blob             not null,
    artifact_media_type varchar(100)     not null,
    unique (type, version)
);
create trigger model_is_immutable before update on model
begin
    select raise(abort, 'registry entries are never modified');
end;
create trigger model_is_kept before delete on model
begin
    select raise(abort, 'registry entries are never deleted');
end;

create table model_alias (
    alias      varchar(64) primary key,
    model_id   integer     not null references model (id),
    updated_at timestamp   not null
);

create table alias_change (
    id            integer primary key autoincrement,
    alias         varchar(64)   not null,
    from_model_id integer       references model (id),
    to_model_id   integer       not null references model (id),
    changed_at    timestamp     not null,
    reason        varchar(2000) not null
);
create index alias_change_alias on alias_change (alias, id);
