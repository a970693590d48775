package com.diamondpricing.server.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order bad fields are listed in, the same for the same request every time (the validator
 * reports them in no fixed order): by their place in the body, an item's fields by its index, and a
 * record's fields in the order it declares them (a diamond's carat, cut, color, clarity, then its
 * measurements), then by message.
 */
final class FieldOrder {

  private static final Pattern TOKEN = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]");

  private final List<String> declared;

  private FieldOrder(List<String> declared) {
    this.declared = declared;
  }

  /** The order of the fields of a body of this type (and of the records it holds). */
  static FieldOrder of(Class<?> body) {
    Set<String> names = new LinkedHashSet<>();
    collect(body, names, 0);
    return new FieldOrder(new ArrayList<>(names));
  }

  private static void collect(Type type, Set<String> names, int depth) {
    if (depth > 3) {
      return;
    }
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        collect(argument, names, depth + 1);
      }
      return;
    }
    if (type instanceof Class<?> c && c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        names.add(component.getName());
        collect(component.getGenericType(), names, depth + 1);
      }
    }
  }

  /** Compares two field paths ({@code diamonds[3].x}) and then their messages. */
  <T> Comparator<T> comparator(
      java.util.function.Function<T, String> field,
      java.util.function.Function<T, String> message) {
    Comparator<T> byPath = (a, b) -> comparePaths(field.apply(a), field.apply(b));
    return byPath.thenComparing(t -> String.valueOf(message.apply(t)));
  }

  int comparePaths(String a, String b) {
    List<Object> ta = tokens(a);
    List<Object> tb = tokens(b);
    for (int i = 0; i < Math.min(ta.size(), tb.size()); i++) {
      int c = compareTokens(ta.get(i), tb.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(ta.size(), tb.size());
  }

  private int compareTokens(Object a, Object b) {
    if (a instanceof Integer x && b instanceof Integer y) {
      return Integer.compare(x, y);
    }
    if (a instanceof Integer) {
      return -1;
    }
    if (b instanceof Integer) {
      return 1;
    }
    String x = (String) a;
    String y = (String) b;
    int ix = declared.indexOf(x);
    int iy = declared.indexOf(y);
    if (ix >= 0 && iy >= 0) {
      return Integer.compare(ix, iy);
    }
    if (ix >= 0 || iy >= 0) {
      return ix >= 0 ? -1 : 1;
    }
    return x.compareTo(y);
  }

  private static List<Object> tokens(String path) {
    List<Object> out = new ArrayList<>();
    if (path == null) {
      return out;
    }
    Matcher m = TOKEN.matcher(path);
    while (m.find()) {
      out.add(m.group(2) != null ? (Object) Integer.valueOf(m.group(2)) : m.group(1));
    }
    return out;
  }
}
