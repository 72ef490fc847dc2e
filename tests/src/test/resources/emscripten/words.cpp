// libc++ containers, strings and iostream through em++: linked with wasmlink in place of wasm-ld-14.
#include <iostream>
#include <map>
#include <string>
#include <vector>
int main() {
  std::vector<std::string> words = {"linker", "wasm", "emscripten"};
  std::map<std::string, size_t> lengths;
  for (const auto &w : words) lengths[w] = w.size();
  for (const auto &[w, n] : lengths) std::cout << w << " " << n << "\n";
  return 0;
}
