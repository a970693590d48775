/** Diamond domain values, CSV reading and validation, the columnar dataset, the split, metrics. */
package com.diamondpricing.data;
