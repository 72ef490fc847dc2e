package dev.wasmlink.processor.relocation;

import com.palantir.javapoet.ClassName;
import java.util.List;

/** A validated relocation catalogue: its kinds in code order and the table class generated for it. */
record CatalogueModel(ClassName declaration, ClassName table, List<RelocationKindModel> kinds) {}
