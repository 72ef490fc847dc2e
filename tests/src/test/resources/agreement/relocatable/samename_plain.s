# A segment .data.counter outside any comdat, read by `read_plain`.
	.section	.data.counter,"",@
	.p2align	2
plain_counter:
	.int32	42
	.size	plain_counter, 4

	.section	.text.read_plain,"",@
	.globl	read_plain
read_plain:
	.functype	read_plain () -> (i32)
	i32.const	0
	i32.load	plain_counter
	end_function
