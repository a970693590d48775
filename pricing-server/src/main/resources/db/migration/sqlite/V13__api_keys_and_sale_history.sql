-- API keys (com.diamondpricing.server.apikey): one per job (a till reporting sales, a script
-- retraining), each with one role. Only a SHA-256 of the secret is kept (the secret is 32 random
-- bytes, shown once at creation); the id is public and names the key wherever a request is
-- attributed to it. A key is revoked, never deleted, so the history keeps naming it.
create table api_key (
    id            varchar(24)   primary key,
    name          varchar(100)  not null,
    role          varchar(16)   not null,
    secret_sha256 varchar(64)   not null,
    created_at    timestamp     not null,
    created_by    varchar(40)   not null,
    revoked_at    timestamp,
    revoked_by    varchar(40)
);

-- Who made a request (the key id, or 'admin-token' for the bootstrap token), never its secret.
alter table request_log add column key_id varchar(40);

-- A sale is now corrected or voided with a reason, and its history kept: the sale row holds the
-- latest state (what live accuracy reads: voided sales are left out), and sale_revision every
-- state it has had, the first one being the report itself. Revisions are never updated.
alter table sale add column key_id varchar(40);
alter table sale add column revision integer not null default 1;
alter table sale add column voided_at timestamp;
create table sale_revision (
    id           integer primary key autoincrement,
    sale_id      integer          not null references sale (id),
    revision     integer          not null,
    kind         varchar(16)      not null,
    actual_price double precision not null,
    sold_at      timestamp        not null,
    reason       varchar(2000),
    key_id       varchar(40),
    changed_at   timestamp        not null,
    unique (sale_id, revision)
);
insert into sale_revision (sale_id, revision, kind, actual_price, sold_at, reason, key_id, changed_at)
    select id, 1, 'recorded', actual_price, sold_at, null, null, recorded_at from sale;

-- Who moved a champion (a key id), beside the reason.
alter table alias_change add column key_id varchar(40);
