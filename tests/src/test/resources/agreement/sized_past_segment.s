# `bar` has size 4 in an empty segment: LLVM's reader (and wasm-ld) only checks that a symbol starts inside its
# segment, so this links.
	.section	.data.bar,"",@
	.globl	bar
	.p2align	2
bar:
	.size	bar, 4

	.functype	getbar () -> (i32)
	.section	.text.getbar,"",@
	.globl	getbar
getbar:
	.functype	getbar () -> (i32)
	i32.const	bar
	end_function
