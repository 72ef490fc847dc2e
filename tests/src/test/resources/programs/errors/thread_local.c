// Feature case: clang-19 lowers _Thread_local without atomics/bulk-memory and marks the object "-shared-mem".
_Thread_local int counter;

int main(void) { return ++counter - 1; }
