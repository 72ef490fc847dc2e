// Side module data: arrays, strings and pointers in data, to its own data and to the main module's.
extern int main_counter;

int table[4] = {10, 20, 30, 40};
const char *greeting = "hello from the side module";
int *second = &table[1];
int *counter_in_main = &main_counter;

int side_sum(void) {
  int sum = 0;
  for (int i = 0; i < 4; i++) sum += table[i];
  return sum + *second;
}

void side_bump_main(int by) { *counter_in_main += by; }
