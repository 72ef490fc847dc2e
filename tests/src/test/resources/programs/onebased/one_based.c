// A 1-based view of a string literal: the compiler writes the literal's address minus 1, a relocation against the
// literal's symbol with addend -1, the only reference to it. From -O1 string literals are merged; the string must be
// kept (it is the one its symbol names, whatever the addend), and the addend counts from wherever it went.
const char *one_based = "strings merged, counted from 1" - 1;
