/* An undefined and a weak undefined function in a threaded link: where their traps go among the linker's functions. */
void missing(void);
__attribute__((weak)) void weakfn(void);
_Thread_local int tl = 3;
int data = 5;
void _start(void) {
  missing();
  if (weakfn) {
    weakfn();
  }
  tl++;
}
