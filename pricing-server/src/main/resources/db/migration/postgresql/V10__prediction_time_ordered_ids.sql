-- Predictions made from now on have time-ordered (version 7) ids, so new rows append to the
-- primary key's index (com.diamondpricing.server.prediction.PredictionIds); rows already recorded
-- keep theirs. The index on (model_id, predicted_at) is dropped: nothing reads predictions by
-- model (live accuracy reads the sales, which carry their model; drift and the purge read a time
-- window through prediction_time), and each index costs the request log's writer on every row.
drop index prediction_model_time;
