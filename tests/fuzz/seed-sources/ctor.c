int x;
__attribute__((constructor(101))) static void init1(void) { x = 1; }
__attribute__((constructor)) static void init2(void) { x += 2; }
__attribute__((weak)) int weakfn(void) { return 7; }
__attribute__((section("mysec"))) int insec = 4;
__attribute__((visibility("hidden"))) int hid(void) { return weakfn() + x + insec; }
__attribute__((export_name("exported"))) int exported(void) { return hid(); }
__attribute__((import_module("env"), import_name("imp"))) int imp(int);
int callimp(void) { return imp(x); }
