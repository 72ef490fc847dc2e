# A string segment of three strings, the second a copy of the first: merged from -O1, `greeting` goes where the first
# copy is. A relocation's addend counts from where its symbol's string went, as wasm-ld computes it (the symbol's
# place, then the addend), and only the strings symbols start in are kept: `farewell` is reached only with
# addends that point outside it.
	.section	.rodata.words,"S",@
	.asciz	"hello"
greeting:
	.asciz	"hello"
	.size	greeting, 6
farewell:
	.asciz	"bye"
	.size	farewell, 4

	.section	.data.pointers,"",@
	.globl	pointers
	.p2align	2
pointers:
	.int32	greeting-3
	.int32	greeting+2
	.int32	farewell-2
	.int32	farewell-10
	.size	pointers, 16

	.section	.text.farewell_before,"",@
	.globl	farewell_before
farewell_before:
	.functype	farewell_before () -> (i32)
	i32.const	farewell-1
	end_function
