// Feature case: compiled with clang-19's default features, whose target_features section lists +sign-ext.
int widen(signed char c) { return c; }

int main(void) { return widen((signed char)0x80) == -128 ? 0 : 1; }
