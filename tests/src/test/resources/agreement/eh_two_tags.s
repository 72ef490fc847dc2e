# Uses two tags: its own my_tag (defined here, hidden) and __cpp_exception (defined weakly here).
	.tagtype	my_tag i64
	.tagtype	__cpp_exception i32
	.hidden	my_tag
	.globl	my_tag
my_tag:
	.weak	__cpp_exception
__cpp_exception:

	.globl	throw_both
throw_both:
	.functype	throw_both (i32) -> ()
	local.get	0
	if
	i64.const	1
	throw	my_tag
	end_if
	i32.const	2
	throw	__cpp_exception
	end_function
