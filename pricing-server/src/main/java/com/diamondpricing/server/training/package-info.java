/**
 * The training pipeline: runs queued in the database ({@code TrainingRunStore}), taken by one
 * dispatcher per server under a lease ({@code RunDispatcher}, {@code RunRecovery}), each training
 * the chosen types on a snapshot, registering the models and promoting a candidate only when it
 * beats the champion on rows neither trained on ({@code TrainingPipeline}); the bootstrap of an
 * empty registry ({@code Bootstrap}); the endpoints ({@code TrainingRunController}).
 */
package com.diamondpricing.server.training;
