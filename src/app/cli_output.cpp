#include "app/cli_output.h"

#include <iostream>

namespace gazette::app {

int Fail(const base::Error& error) {
  std::cerr << "gazette: " << error.message() << std::endl;
  return 1;
}

std::string Count(int64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace gazette::app
