/**
 * The model registry: every trained model with its provenance, metrics and artifact, never updated
 * ({@code ModelRegistry}); the champion aliases, one per feature set, moved by a compare-and-set;
 * the choice of a model by type or id ({@code ModelChoice}); the endpoints ({@code
 * ModelController}).
 */
package com.diamondpricing.server.registry;
