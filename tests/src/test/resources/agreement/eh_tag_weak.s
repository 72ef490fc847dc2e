# Defines __cpp_exception (i32) weakly, as LLVM does in every object that throws or catches.
	.tagtype	__cpp_exception i32
	.weak	__cpp_exception
__cpp_exception:
