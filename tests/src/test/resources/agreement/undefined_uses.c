/* Uses of symbols nothing defines: calls of two signatures, data, an address, a weak function called. */
void missing(void);
void missing2(int);
extern int data;
__attribute__((weak)) void weakfn(void);
void f(void){missing();missing2(1);}
int g(void){ return data; }
void *h(void){ return (void*)missing; }
void _start(void){f();missing();g();h(); if (weakfn) weakfn();}
