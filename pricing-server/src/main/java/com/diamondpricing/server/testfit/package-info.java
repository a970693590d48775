/**
 * A model's fit on its own test rows: predicted against actual prices ({@code TestFits}), as JSON
 * ({@code FitView}) and as a PNG plot ({@code FitPlot}), for the models page.
 */
package com.diamondpricing.server.testfit;
