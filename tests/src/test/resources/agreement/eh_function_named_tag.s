# A function that takes the name __cpp_exception.
	.globl	__cpp_exception
__cpp_exception:
	.functype	__cpp_exception () -> ()
	end_function
