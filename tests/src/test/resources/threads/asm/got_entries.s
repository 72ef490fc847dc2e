# Code that reaches its symbols through GOT entries, as LLVM 14 (emcc 3.1.6) compiles every access to a symbol it
# cannot prove DSO-local: a thread-local `x` (x@GOT@TLS), ordinary data `d` (d@GOT) and a function's table slot
# (getd@GOT). getx/setx must see each thread's own `x`; getd reads `d`, slot returns getd's table slot.
	.globaltype	__stack_pointer, i32

	.functype	getx () -> (i32)
	.export_name	getx, getx
	.section	.text.getx,"",@
	.globl	getx
	.type	getx,@function
getx:
	.functype	getx () -> (i32)
	global.get	x@GOT@TLS
	i32.load	0
	end_function

	.functype	setx (i32) -> ()
	.export_name	setx, setx
	.section	.text.setx,"",@
	.globl	setx
	.type	setx,@function
setx:
	.functype	setx (i32) -> ()
	global.get	x@GOT@TLS
	local.get	0
	i32.store	0
	end_function

	.functype	getd () -> (i32)
	.export_name	getd, getd
	.section	.text.getd,"",@
	.globl	getd
	.type	getd,@function
getd:
	.functype	getd () -> (i32)
	global.get	d@GOT
	i32.load	0
	end_function

	.functype	slot () -> (i32)
	.export_name	slot, slot
	.section	.text.slot,"",@
	.globl	slot
	.type	slot,@function
slot:
	.functype	slot () -> (i32)
	global.get	getd@GOT
	end_function

	.type	x,@object
	.section	.tdata.x,"T",@
	.globl	x
	.p2align	2, 0x0
x:
	.int32	42
	.size	x, 4

	.type	d,@object
	.section	.data.d,"",@
	.globl	d
	.p2align	2, 0x0
d:
	.int32	7
	.size	d, 4

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
