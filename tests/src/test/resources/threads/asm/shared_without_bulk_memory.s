# Ordinary data in an object whose target_features has atomics but not bulk-memory.
	.type	y,@object
	.section	.data.y,"",@
	.globl	y
	.p2align	2, 0x0
y:
	.int32	7
	.size	y, 4

	.section	.custom_section.target_features,"",@
	.int8	1
	.int8	43
	.int8	7
	.ascii	"atomics"
