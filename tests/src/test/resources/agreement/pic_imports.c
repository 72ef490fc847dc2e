// What a position-independent module imports: undefined data through GOT.mem, an undefined function whose address is
// taken through GOT.func, one called directly as a function import, and a weak undefined function (listed as a weak
// import in dylink.0).
extern int undefined_data;
extern void undefined_fn(void);
extern void called_fn(int);
__attribute__((weak)) extern void weak_fn(void);
int defined_data = 5;
int *pointers[] = {&defined_data, &undefined_data + 1};
void (*fnptrs[])(void) = {undefined_fn};
static int ctor_ran;
__attribute__((constructor)) static void ctor(void) { ctor_ran = 1; called_fn(ctor_ran); }
int get(void) { called_fn(defined_data); if (weak_fn) weak_fn(); return undefined_data + ctor_ran; }
void *addr_of_undefined_fn(void) { return (void *)undefined_fn; }
