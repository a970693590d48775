/**
 * JMH benchmarks of the in-process paths ({@code PredictBenchmark}: one diamond priced per model
 * type; {@code LoadBenchmark}: a CSV read and cleaned), the heap a loaded dataset takes ({@code
 * LoadFootprint}) and the data generator the load tests use ({@code GenerateDiamonds}). The HTTP
 * benchmarks are the scripts beside this module ({@code bench/http_load.sh} and others); {@code
 * bench/README.md} gives every figure and its command.
 */
package com.diamondpricing.bench;
