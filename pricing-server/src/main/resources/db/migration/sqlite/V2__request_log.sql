-- Every request under /api/ and its response, written by the request log's writer thread
-- (com.diamondpricing.server.requestlog). Bodies are stored as text, at most
-- diamonds.request-log.max-body of each (the *_truncated flags say when a body was cut); a
-- multipart upload is stored as a placeholder like '[multipart upload, 1234 bytes]'. No header is
-- stored but the user agent and the content types: never an Authorization value.
-- Times are UTC; received_at has millisecond precision, duration_ms is fractional.
create table request_log (
    id                      integer primary key autoincrement,
    request_id              varchar(64),
    received_at             timestamp        not null,
    method                  varchar(16)      not null,
    path                    varchar(2000)    not null,
    query                   text,
    client                  varchar(100),
    user_agent              varchar(1000),
    request_content_type    varchar(255),
    request_body            text,
    request_body_truncated  boolean          not null default 0,
    status                  integer          not null,
    response_content_type   varchar(255),
    response_body           text,
    response_body_truncated boolean          not null default 0,
    duration_ms             double precision not null,
    model_id                bigint,
    model_type              varchar(64),
    model_version           integer,
    error_code              varchar(100)
);
-- newest first, optionally from/until a time
create index request_log_received_at on request_log (received_at);
-- a path prefix (GLOB 'prefix*', which SQLite serves from this index)
create index request_log_path on request_log (path, received_at);
-- an exact status
create index request_log_status on request_log (status, received_at);

-- Journal files (diamonds.home/request-log/journal-*.jsonl) already replayed into request_log:
-- the name is inserted in the same transaction as the file's records, so a file whose deletion
-- was cut short is never replayed twice.
create table request_log_journal (
    name        varchar(200) primary key,
    replayed_at timestamp    not null,
    records     integer      not null
);
