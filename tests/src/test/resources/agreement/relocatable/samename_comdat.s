# A segment of the same name, .data.counter, in the comdat `counter` (as C++ writes an inline variable): in a -r
# output it stays a segment of its own, and `counter` must name that one, not the first .data.counter.
	.section	.data.counter,"G",@,counter
	.globl	counter
	.p2align	2
counter:
	.int32	7
	.int32	8
	.size	counter, 8

	.section	.text.read_inline,"",@
	.globl	read_inline
read_inline:
	.functype	read_inline () -> (i32)
	i32.const	0
	i32.load	counter+4
	end_function
