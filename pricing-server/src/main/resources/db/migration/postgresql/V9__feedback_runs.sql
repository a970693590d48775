-- Runs the feedback loop queues (live accuracy decayed, or drift persisted) are triggered by
-- 'feedback' and say why in reason.
alter table training_run drop constraint training_run_trigger_kind_check;
alter table training_run add constraint training_run_trigger_kind_check
    check (trigger_kind in ('cli', 'api', 'inbox', 'schedule', 'bootstrap', 'feedback'));
alter table training_run add column reason varchar(500);

-- Sold stones appended to the training data by the feedback loop (diamonds.feedback.append-sales):
-- each append names the snapshot it made and the last sale it took, so no sale is added twice.
create table sale_append (
    snapshot_id  bigint      primary key,
    last_sale_id bigint      not null,
    sales        integer     not null,
    appended_at  timestamptz not null
);
