# Feature case: an object whose target_features section disallows sign-ext ("-sign-ext"), assembled by llvm-mc-19.
	.text
	.globl	helper
	.type	helper,@function
helper:
	.functype	helper () -> (i32)
	i32.const	1
	end_function

	.section	.custom_section.target_features,"",@
	.int8	2
	.int8	43
	.int8	15
	.ascii	"mutable-globals"
	.int8	45
	.int8	8
	.ascii	"sign-ext"
