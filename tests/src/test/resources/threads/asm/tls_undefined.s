# A TLS-relative relocation (R_WASM_MEMORY_ADDR_TLS_SLEB) against `x`, which nothing defines.
	.globaltype	__tls_base, i32
	.functype	getx () -> (i32)
	.export_name	getx, getx
	.section	.text.getx,"",@
	.globl	getx
	.type	getx,@function
getx:
	.functype	getx () -> (i32)
	global.get	__tls_base
	i32.const	x@TLSREL
	i32.add
	i32.load	0
	end_function

	.section	.custom_section.target_features,"",@
	.int8	2
	.int8	43
	.int8	7
	.ascii	"atomics"
	.int8	43
	.int8	11
	.ascii	"bulk-memory"
