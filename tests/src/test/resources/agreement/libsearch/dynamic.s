# The shared library's from_library (libls.so).
	.globl	from_library
from_library:
	.functype	from_library () -> (i32)
	i32.const	1
	end_function
