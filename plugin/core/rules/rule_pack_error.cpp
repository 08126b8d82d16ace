#include "core/rules/rule_pack_error.hpp"

namespace cg {

namespace {

std::string describe(const std::string& file, const std::string& field, const std::string& problem)
{
    std::string text = file + ": ";
    if (!field.empty())
        text += field + ": ";
    return text + problem;
}

} // namespace

RulePackError::RulePackError(std::string file, std::string field, const std::string& problem)
    : std::runtime_error(describe(file, field, problem)), file_(std::move(file)), field_(std::move(field)),
      problem_(problem)
{
}

} // namespace cg
