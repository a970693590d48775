-- Feature sets, and the two facts a model keeps (com.diamondpricing.server.registry): the held-out
-- evaluation and what is served. Written with the model, never changed.
--  feature_set          the features the model learned from: 'all' or 'four-cs'; every model
--                       registered before learned from all of them
--  served_rows          the rows the served artifact was fitted on (every row of the snapshot);
--                       null: the artifact is the fit on the training part, as before
--  evaluation_artifact  the fit on the training part, scored on the test rows (what the champion
--                       comparison re-scores); null: the artifact is that fit
--  calibration          the served artifact's cross-conformal ranges (JSON); null: the ranges in
--                       the provenance, calibrated on the tuning split
--  oof_coverage         how those ranges covered every row out of fold, overall and per segment
--  test_coverage        how the evaluation fit's ranges covered the test rows, per segment
--  fingerprint          the data, type, feature set and settings: the same again trains nothing
alter table model add column feature_set varchar(16) not null default 'all';
alter table model add column served_rows integer;
alter table model add column evaluation_artifact bytea;
alter table model add column calibration jsonb;
alter table model add column oof_coverage jsonb;
alter table model add column test_coverage jsonb;
alter table model add column fingerprint varchar(64);
create index model_fingerprint on model (fingerprint);
