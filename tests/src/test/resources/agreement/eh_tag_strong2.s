# Defines __cpp_exception (i32), strong: a second definition.
	.tagtype	__cpp_exception i32
	.globl	__cpp_exception
__cpp_exception:
