// A file-local counter whose data segment is .data.counter, the name C++ gives the inline variable of
// counter_inline.cpp: in a relocatable link (-r) the two stay apart as two output segments of one name, the
// inline one in its comdat.
static int counter = 42;

int static_counter(void) {
  return counter++;
}
