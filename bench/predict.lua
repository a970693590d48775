-- wrk script for bench/http_load.sh: POST one diamond to /api/v1/predictions.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"carat": 1.1, "cut": "Ideal", "color": "H", "clarity": "SI2",'
  .. ' "depth": 62.0, "table": 55.0, "x": 6.61, "y": 6.65, "z": 4.11}'
