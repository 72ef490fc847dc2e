int ready;

// The constructor needs_setup.s names: it runs only if the link keeps that object's init function entry.
void setup(void) {
  ready = 42;
}
