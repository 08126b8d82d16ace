#pragma once

#include <stdexcept>
#include <string>

namespace cg {

// What is wrong with a rule pack, where: what() reads "FILE: FIELD: what is wrong", e.g.
// "alibaba.json: rules[2].thresholds.limit_s: must be a number >= 0, got "five"". field() is empty
// when the problem is the file as a whole (unreadable, not JSON, not an object).
class RulePackError : public std::runtime_error {
  public:
    RulePackError(std::string file, std::string field, const std::string& problem);

    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] const std::string& field() const { return field_; }
    // The problem alone, without file and field.
    [[nodiscard]] const std::string& problem() const { return problem_; }

  private:
    std::string file_;
    std::string field_;
    std::string problem_;
};

} // namespace cg
