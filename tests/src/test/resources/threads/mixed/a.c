/* Uses `x` as a thread-local it does not define; built with threads (-matomics -mbulk-memory). */
extern _Thread_local int x;
__attribute__((export_name("getx"))) int getx(void) { return x; }
__attribute__((export_name("setx"))) void setx(int v) { x = v; }
