# A TLS-relative relocation against `x`, defined in an ordinary segment (.data.x). llvm-mc flags `x` TLS because
# x@TLSREL refers to it, so the symbol is thread-local but its segment is not.
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
