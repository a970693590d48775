package com.diamondpricing.server.cli;

import com.diamondpricing.model.ModelTypes;
import java.util.Iterator;

/** The registered model type names, for help texts and completion. */
final class ModelTypeNames implements Iterable<String> {

  @Override
  public Iterator<String> iterator() {
    return ModelTypes.discover().names().iterator();
  }
}
