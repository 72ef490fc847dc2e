/*
 * strings.c - string literals.
 *
 * Exercises: mergeable string segments. clang-19 gives every literal its own segment
 * named .rodata..L.str.N whose segment info carries the STRINGS flag (p2align 0 for
 * char, 1 for the char16_t literal); merge-strings.s covers one segment holding
 * several strings. Pointers to literals are stored in data (R_WASM_MEMORY_ADDR_I32,
 * one with addend 7 into the middle of a literal) and materialised in code
 * (R_WASM_MEMORY_ADDR_SLEB). Duplicate literals appear only once per object; equal
 * literals from different objects may be merged by the linker. The named array
 * "banner" is an ordinary .rodata segment and must not be merged.
 */

const char *greeting(void) { return "hello, world"; }

const char *const messages[] = {
  "alpha",
  "beta",
  "hello, world",        /* same literal as in greeting() */
  "world",               /* a suffix of another literal */
};

const char *message(int i) { return messages[i & 3]; }

/* A pointer into the middle of a literal: R_WASM_MEMORY_ADDR_I32, addend 7. */
const char *const tail = &"prefix-suffix"[7];

const __CHAR16_TYPE__ *wide(void) { return u"utf-16 text"; }

const char banner[] = "not mergeable: a named array";
