-- The share of each model's test rows inside its 80% and 90% prediction intervals (null for a model
-- without intervals). Written with the model, never changed.
alter table model add column test_coverage_80 double precision;
alter table model add column test_coverage_90 double precision;
