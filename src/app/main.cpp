// The `gazette` executable: the command line, with the last-resort catch that keeps exceptions
// (bugs, out of memory) from escaping as a crash with a stack trace.
#include <exception>
#include <iostream>

#include "app/cli.h"

int main(int argc, char** argv) {
  try {
    return gazette::app::RunCli(argc, argv);
  } catch (const std::exception& error) {
    std::cerr << "gazette: internal error: " << error.what() << std::endl;
  } catch (...) {
    std::cerr << "gazette: internal error" << std::endl;
  }
  return 1;
}
