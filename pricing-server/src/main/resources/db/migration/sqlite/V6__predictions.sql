-- Every priced diamond, single or in a batch: a prediction on record, so that a sale can later be
-- joined to it (com.diamondpricing.server.feedback). Written by the request log's writer in the
-- same transaction as its request's row, from the same journal line. Never updated.
-- The measurements are null when the request left them out; intervals are null for a model
-- trained before intervals were calibrated. Times are UTC.
create table prediction (
    prediction_id varchar(36)      primary key,
    request_id    varchar(64),
    item_index    integer          not null,
    predicted_at  timestamp        not null,
    model_id      bigint           not null,
    model_type    varchar(64)      not null,
    model_version integer          not null,
    carat         double precision not null,
    cut           varchar(16)      not null,
    color         varchar(4)       not null,
    clarity       varchar(8)       not null,
    depth         double precision,
    table_pct     double precision,
    x             double precision,
    y             double precision,
    z             double precision,
    price         double precision not null,
    lower_80      double precision,
    upper_80      double precision,
    lower_90      double precision,
    upper_90      double precision
);
-- a model's predictions in a window (live accuracy), and all predictions in a window (drift)
create index prediction_model_time on prediction (model_id, predicted_at);
create index prediction_time on prediction (predicted_at);
