# merge-strings.s - several NUL-terminated strings in ONE mergeable segment
# (llvm-mc-19, wasm32).
#
# clang-19 puts every string literal into its own .rodata..L.str.N segment; here a
# single .rodata.str1.1 segment (flag "S", segment info flag STRINGS) holds four
# strings, one of them duplicated and one a suffix of another, so a linker that
# merges strings must split the segment at the NULs and rewrite pointers into it:
# R_WASM_MEMORY_ADDR_I32 with addends that select a string (or a position inside
# one) and R_WASM_MEMORY_ADDR_SLEB from code.

  .section .rodata.str1.1,"S",@
.Lstrings:
  .asciz "red"              # offset 0
  .asciz "green"            # offset 4
  .asciz "red"              # offset 10: duplicate of offset 0
  .asciz "evergreen"        # offset 14: "green" is a suffix of it
  .size .Lstrings, 24

  .section .data.colour_names,"",@
  .globl colour_names
  .p2align 2
colour_names:
  .int32 .Lstrings          # "red"
  .int32 .Lstrings+4        # "green"
  .int32 .Lstrings+10       # "red" again
  .int32 .Lstrings+14       # "evergreen"
  .int32 .Lstrings+18       # inside "evergreen": "green"
  .size colour_names, 20

  .section .text.first_colour,"",@
  .globl first_colour
  .type first_colour,@function
first_colour:
  .functype first_colour () -> (i32)
  i32.const .Lstrings+4
  end_function
