package dev.wasmlink.processor.layout;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A validated record layout, possibly the payload of a section.
 *
 * @param sectionId the core section id, or -1
 * @param customName the custom section's name (or name prefix), or {@code null}
 * @param customPrefix whether {@code customName} is a prefix
 */
record RecordLayout(
    ClassName type, List<FieldModel> fields, int sectionId, String customName, boolean customPrefix) {

  boolean isSection() {
    return sectionId >= 0 || customName != null;
  }
}
