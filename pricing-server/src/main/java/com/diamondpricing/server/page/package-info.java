/**
 * The web pages ({@code PageController}): the price form, the models and a model, the training
 * runs, the request log and the monitoring page, server-side templates under {@code templates/}
 * whose scripts (under {@code static/js/}) call the HTTP API.
 */
package com.diamondpricing.server.page;
