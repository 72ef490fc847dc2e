package dev.wasmlink.processor.relocation;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** One validated relocation declaration: everything the generators need, and nothing of the javac model. */
record RelocationKindModel(
    String name,
    int code,
    Field field,
    boolean addend,
    String target,
    Rule rule,
    boolean tlsOnly,
    boolean picOnly,
    boolean forbiddenAgainstTls,
    List<String> allowedIn,
    String summary,
    ClassName handler) {}
