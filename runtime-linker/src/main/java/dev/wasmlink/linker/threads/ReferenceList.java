package dev.wasmlink.linker.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders "who refers" lists compactly: a few objects with a few of their functions each, then counts. */
final class ReferenceList {
  private static final int OBJECTS_SHOWN = 4;
  private static final int USERS_SHOWN = 4;

  private ReferenceList() {}

  /** E.g. {@code 3 functions in 2 objects: a.o (getx, setx), c.o (main)}. */
  static String render(Map<String, List<String>> usersByObject) {
    int users = usersByObject.values().stream().mapToInt(List::size).sum();
    List<String> parts = new ArrayList<>();
    usersByObject.entrySet().stream().limit(OBJECTS_SHOWN).forEach(entry -> parts.add(entry.getKey() + " ("
        + names(entry.getValue()) + ")"));
    String list = String.join(", ", parts);
    if (usersByObject.size() > OBJECTS_SHOWN) {
      list += " and " + (usersByObject.size() - OBJECTS_SHOWN) + " more objects";
    }
    return count(users, "function") + " in " + count(usersByObject.size(), "object") + ": " + list;
  }

  /** Object names, the first few, then how many more. */
  static String names(List<String> names) {
    if (names.size() <= USERS_SHOWN) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, USERS_SHOWN)) + " and " + (names.size() - USERS_SHOWN) + " more";
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
