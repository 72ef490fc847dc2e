# Another weak __cpp_exception, from another object.
	.tagtype	__cpp_exception i32
	.weak	__cpp_exception
__cpp_exception:
