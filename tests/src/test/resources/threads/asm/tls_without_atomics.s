# A thread-local segment (.tdata.x) in an object whose target_features has bulk-memory but not atomics.
	.type	x,@object
	.section	.tdata.x,"T",@
	.globl	x
	.p2align	2, 0x0
x:
	.int32	42
	.size	x, 4

	.section	.custom_section.target_features,"",@
	.int8	1
	.int8	43
	.int8	11
	.ascii	"bulk-memory"
