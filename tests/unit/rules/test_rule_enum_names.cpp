#include "core/rules/rule_enum_names.hpp"

#include <gtest/gtest.h>

namespace cg {
namespace {

TEST(RuleEnumNames, SeveritiesRoundTripThroughTheirPackNames)
{
    for (Severity severity : {Severity::Info, Severity::Minor, Severity::Major, Severity::Severe})
        EXPECT_EQ(severityFromString(toString(severity)), severity);
    EXPECT_EQ(toString(Severity::Severe), "severe");
    EXPECT_EQ(severityFromString("Severe"), std::nullopt) << "pack names are lowercase";
    EXPECT_EQ(severityFromString(""), std::nullopt);
}

TEST(RuleEnumNames, TriggersRoundTripThroughTheirPackNames)
{
    EXPECT_EQ(toString(Trigger::Present), "present");
    EXPECT_EQ(toString(Trigger::Absent), "absent");
    EXPECT_EQ(triggerFromString("absent"), Trigger::Absent);
    EXPECT_EQ(triggerFromString("present"), Trigger::Present);
    EXPECT_EQ(triggerFromString("missing"), std::nullopt);
}

} // namespace
} // namespace cg
