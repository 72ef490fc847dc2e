// Declarations of libhelpers.a, the archive the archive program links with -L/-l.
int helper_add(int a, int b);
const char *helper_describe(int value);
extern const int helper_version;
