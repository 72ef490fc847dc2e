# `x` as an ordinary global in .data.x, in an object built with threads (nothing here uses it as thread-local).
	.type	x,@object
	.section	.data.x,"",@
	.globl	x
	.p2align	2, 0x0
x:
	.int32	42
	.size	x, 4

	.section	.custom_section.target_features,"",@
	.int8	2
	.int8	43
	.int8	7
	.ascii	"atomics"
	.int8	43
	.int8	11
	.ascii	"bulk-memory"
