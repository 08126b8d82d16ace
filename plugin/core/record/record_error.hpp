#pragma once

#include <stdexcept>
#include <string>

namespace cg {

// A compliance record folder that cannot be created, opened or written. what() names the path and
// the operating system's error.
class RecordError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace cg
