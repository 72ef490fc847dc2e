# Constructors this object does not define (LLVM IR's llvm.global_ctors may name a declaration): wasm-ld 19 imports
# them under --allow-undefined or --import-undefined and calls them from __wasm_call_ctors, by priority, dropping
# what they return; -r keeps their init function entries. (With any other policy wasm-ld 19 crashes.)
	.functype	external_ctor () -> ()
	.functype	counting_ctor () -> (i32)

	.globl	_start
_start:
	.functype	_start () -> ()
	end_function

	.globl	local_ctor
local_ctor:
	.functype	local_ctor () -> ()
	end_function

	.section	.init_array.200,"",@
	.p2align	2
	.int32	local_ctor
	.int32	external_ctor
	.section	.init_array.100,"",@
	.p2align	2
	.int32	counting_ctor
	.int32	external_ctor
