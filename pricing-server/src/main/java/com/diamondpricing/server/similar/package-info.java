/**
 * Similar diamonds: the n training stones of the serving model's snapshot with the same cut, colour
 * and clarity and the closest carat, from an index per snapshot ({@code SimilarDiamondsIndex}).
 */
package com.diamondpricing.server.similar;
