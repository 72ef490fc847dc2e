# Calls from_library, which libls.a (libsearch/static.s) and libls.so (libsearch/dynamic.s) both define: which one
# -lls finds decides whether the call is to an imported function or to the archive's copy.
	.functype	from_library () -> (i32)

	.globl	_start
_start:
	.functype	_start () -> ()
	call	from_library
	drop
	end_function
