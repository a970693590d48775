package com.diamondpricing.server.training;

/**
 * How a run trains each of its models, fixed when it is queued.
 *
 * @param seed the seed every random choice derives from
 * @param trials tuning trials, for model types that tune
 * @param workers trials run at once; 0 picks the measured best for the machine
 */
public record RunOptions(long seed, int trials, int workers) {}
