# The archive's from_library (libls.a).
	.globl	from_library
from_library:
	.functype	from_library () -> (i32)
	i32.const	2
	end_function
