#include <string.h>
extern int ext_data;
extern void ext_func(void);
int local_data = 5;
int *p = &local_data;
void (*fp)(void) = ext_func;
int use(const char *s) { fp(); return ext_data + *p + (int)strlen(s); }
