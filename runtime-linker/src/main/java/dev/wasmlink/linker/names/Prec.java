package dev.wasmlink.linker.names;

/**
 * C++ operator precedence, tightest first. An expression printed as the operand of another is parenthesized when
 * it binds more loosely than the operator around it, so the output reads as valid C++ with no redundant parentheses.
 */
enum Prec {
  PRIMARY, POSTFIX, UNARY, CAST, PTR_MEM, MULTIPLICATIVE, ADDITIVE, SHIFT, SPACESHIP, RELATIONAL, EQUALITY, AND, XOR,
  IOR, AND_IF, OR_IF, CONDITIONAL, ASSIGN, COMMA, DEFAULT
}
