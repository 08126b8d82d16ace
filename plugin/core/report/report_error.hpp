#pragma once

#include <stdexcept>
#include <string>

namespace cg {

// Why a session report cannot be made, naming the file and, when one is at fault, the line and
// field: "/x/session.jsonl: line 4: field \"t\": missing or not an integer".
class ReportError : public std::runtime_error {
  public:
    explicit ReportError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace cg
