# An object whose constructor, setup, it does not define (LLVM IR's llvm.global_ctors may name a declaration; C
# cannot say it). Combined on its own by -r, it must keep the init function entry, so that the program linked from
# the -r output, with setup.c, runs setup before main.
	.functype	setup () -> ()

	.section	.init_array.101,"",@
	.p2align	2
	.int32	setup
