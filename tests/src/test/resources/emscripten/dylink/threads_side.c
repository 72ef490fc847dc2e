// Thread-locals in a side module: every thread of the main module must see its own copy.
_Thread_local int counter = 100;
_Thread_local int history[4] = {1, 2, 3, 4};

int *counter_address(void) { return &counter; }

int bump(int by) {
  counter += by;
  history[1] += by;
  return counter;
}

int total(void) { return counter + history[1]; }
