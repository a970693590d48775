-- A run left running by a server that died is marked interrupted and run again once, as a new
-- queued run that names the one it retries (retry_of); a retry that is interrupted in turn is not
-- run again by itself.
alter table training_run add column retry_of bigint references training_run (id);
