# Thread-local `x` (in .tdata.x) reached as compilers before R_WASM_MEMORY_ADDR_TLS_SLEB reached it, and as lld's own
# tls.s still does: __tls_base plus a plain memory-address relocation (i32.const x: R_WASM_MEMORY_ADDR_SLEB), whose
# value is x's offset in the TLS block. getx/setx must see each thread's own x.
	.globaltype	__tls_base, i32

	.functype	addrx () -> (i32)
	.section	.text.addrx,"",@
	.globl	addrx
	.type	addrx,@function
addrx:
	.functype	addrx () -> (i32)
	global.get	__tls_base
	i32.const	x
	i32.add
	end_function

	.functype	getx () -> (i32)
	.export_name	getx, getx
	.section	.text.getx,"",@
	.globl	getx
	.type	getx,@function
getx:
	.functype	getx () -> (i32)
	call	addrx
	i32.load	0
	end_function

	.functype	setx (i32) -> ()
	.export_name	setx, setx
	.section	.text.setx,"",@
	.globl	setx
	.type	setx,@function
setx:
	.functype	setx (i32) -> ()
	call	addrx
	local.get	0
	i32.store	0
	end_function

	.type	x,@object
	.section	.tdata.x,"T",@
	.globl	x
	.p2align	2, 0x0
x:
	.int32	42
	.size	x, 4

	.section	.custom_section.target_features,"",@
	.int8	3
	.int8	43
	.int8	7
	.ascii	"atomics"
	.int8	43
	.int8	11
	.ascii	"bulk-memory"
	.int8	43
	.int8	15
	.ascii	"mutable-globals"
