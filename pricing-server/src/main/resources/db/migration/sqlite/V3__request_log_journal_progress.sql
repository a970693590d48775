-- The path as the client spelled it (e.g. /api/v1/%72equest-log), when it differs from the path
-- the request was routed on, which is what `path` holds.
alter table request_log add column raw_path varchar(2000);

-- The request log's write-ahead journal (diamonds.home/request-log/journal-*.jsonl): every record
-- is appended to a segment file before its response is released; this row says how much of a
-- segment is in request_log (the byte offset where its last written line ends), advanced in the
-- same transaction as their insert, so the replay after a crash or a kill -9 starts right after
-- them. A row is deleted after its file.
create table request_log_segment (
    name            varchar(200) primary key,
    committed_offset bigint      not null,
    updated_at      timestamp    not null
);
