/**
 * The words a feature refuses in: {@link com.diamondpricing.server.problem.Problem} (a kind, a
 * stable code, a title, a detail, the field at fault and the values it takes), which features
 * subclass as {@code *Problem}; {@link com.diamondpricing.server.problem.BadField} for the fields
 * of a problem; {@link com.diamondpricing.server.problem.InstantParameter}, the one rule for a time
 * a client sends. Nothing here knows HTTP: {@code web} answers a problem with the status its kind
 * stands for, {@code cli} prints it.
 */
package com.diamondpricing.server.problem;
