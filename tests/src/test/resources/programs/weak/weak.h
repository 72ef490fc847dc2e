// Shared declarations of the weak program.
const char *greeting(void);
const char *farewell(void);
extern int tuning;
extern int threshold;

// Weak undefined: nothing defines these, so their addresses must be NULL.
__attribute__((weak)) void optional_hook(void);
__attribute__((weak)) extern int optional_counter;
