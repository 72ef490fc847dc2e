# Throws and catches __cpp_exception without defining it (LLVM 19 objects may leave the tag to the runtime).
	.tagtype	__cpp_exception i32

	.globl	do_throw
do_throw:
	.functype	do_throw (i32) -> ()
	local.get	0
	throw	__cpp_exception
	end_function

	.globl	_start
_start:
	.functype	_start () -> ()
	try
	i32.const	7
	call	do_throw
	catch	__cpp_exception
	drop
	end_try
	end_function
