package dev.wasmlink.linker.resident;

import java.time.Duration;

/** Durations as people read them: {@code 2h 05m 09s}, {@code 4m 00s}, {@code 12s}. */
final class Durations {
  private Durations() {}

  static String format(Duration duration) {
    long seconds = duration.toSeconds();
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    if (hours > 0) {
      return String.format("%dh %02dm %02ds", hours, minutes, seconds % 60);
    }
    if (minutes > 0) {
      return String.format("%dm %02ds", minutes, seconds % 60);
    }
    return seconds + "s";
  }
}
