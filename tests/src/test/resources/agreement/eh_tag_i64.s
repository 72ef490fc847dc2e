# Defines __cpp_exception with another payload type (i64).
	.tagtype	__cpp_exception i64
	.globl	__cpp_exception
__cpp_exception:
