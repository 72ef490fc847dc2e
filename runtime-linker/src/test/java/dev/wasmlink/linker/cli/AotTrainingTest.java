package dev.wasmlink.linker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.wasmlink.linker.names.Demangler;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The recording run's training demangles real names, and says nothing. */
class AotTrainingTest {
  @Test
  void everyTrainingNameIsOneTheDemanglerTakes() {
    // A name the demangler gives back unchanged would train nothing of it.
    for (String name : AotTraining.MANGLED_NAMES) {
      String demangled = Demangler.demangle(name);
      assertNotEquals(name, demangled, name);
      assertFalse(demangled.isEmpty(), name);
    }
  }

  @Test
  void theTrainingPrintsNothingWithOrWithoutTheProperty() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    String before = System.getProperty(AotTraining.PROPERTY);
    try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      AotTraining.runIfRecording();
      System.setProperty(AotTraining.PROPERTY, "true");
      AotTraining.runIfRecording();
    } finally {
      System.setOut(out);
      System.setErr(err);
      if (before == null) {
        System.clearProperty(AotTraining.PROPERTY);
      } else {
        System.setProperty(AotTraining.PROPERTY, before);
      }
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
  }
}
