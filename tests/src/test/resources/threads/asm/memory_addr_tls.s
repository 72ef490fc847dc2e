# An absolute address (i32.const x: R_WASM_MEMORY_ADDR_SLEB) of `x`, a thread-local in .tdata.x.
	.functype	addrx () -> (i32)
	.export_name	addrx, addrx
	.section	.text.addrx,"",@
	.globl	addrx
	.type	addrx,@function
addrx:
	.functype	addrx () -> (i32)
	i32.const	x
	end_function

	.type	x,@object
	.section	.tdata.x,"T",@
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
