-- Sales reported back (com.diamondpricing.server.feedback): the truth the models never saw. A sale
-- of a stone priced here names its prediction, and carries a copy of what was predicted (model,
-- stone, price, intervals) so live accuracy reads one table; a stone never priced here has no
-- prediction and no model. sale_key makes a sale idempotent: the prediction id, or a hash of the
-- stone, the price and the time. Never updated. Times are UTC.
create table sale (
    id              integer primary key autoincrement,
    sale_key        varchar(80)      not null unique,
    prediction_id   varchar(36)      unique,
    model_id        bigint,
    carat           double precision not null,
    cut             varchar(16)      not null,
    color           varchar(4)       not null,
    clarity         varchar(8)       not null,
    depth           double precision,
    table_pct       double precision,
    x               double precision,
    y               double precision,
    z               double precision,
    predicted_price double precision,
    lower_80        double precision,
    upper_80        double precision,
    lower_90        double precision,
    upper_90        double precision,
    actual_price    double precision not null,
    sold_at         timestamp        not null,
    recorded_at     timestamp        not null,
    source          varchar(200)     not null
);
-- a model's sales in a window (live accuracy), and every sale in a window
create index sale_model_sold on sale (model_id, sold_at);
create index sale_sold on sale (sold_at);
