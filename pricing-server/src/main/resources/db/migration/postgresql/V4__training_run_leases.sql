-- Several servers may share one database: a queued run is taken by one server only, by a
-- compare-and-set from 'queued' to 'running' that names the server (owner) and a lease it renews
-- while it trains (heartbeat). A server marks as interrupted only runs whose lease has expired.
alter table training_run add column owner varchar(200);
alter table training_run add column lease_until timestamptz;
-- A run's failure as a stable code (training-failed, interrupted, ...) beside its short message.
alter table training_run add column error_code varchar(64);
