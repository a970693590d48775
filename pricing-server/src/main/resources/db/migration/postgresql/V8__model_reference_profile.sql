-- Each model's reference profile (com.diamondpricing.server.feedback): what its training data
-- looked like, for drift. Deciles of each measurement and of the model's predicted prices on its
-- training rows, each grade's level frequencies, and the deciles of log(actual / predicted) on its
-- test rows, as JSON. Written once, when the model is registered (or when drift first needs it
-- for a model registered before); never updated.
create table model_reference (
    model_id   bigint      primary key references model (id),
    profile    text        not null,
    created_at timestamptz not null
);
