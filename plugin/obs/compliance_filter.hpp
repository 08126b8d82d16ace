#pragma once

#include "obs/guard_service.hpp"

namespace cg::obs {

// Registers the "Compliance Guard" video filter (api::filterId). Its instances report to `service`,
// which must outlive them; forgetGuardService() before the service goes.
void registerComplianceFilter(GuardService* service);
void forgetGuardService();

} // namespace cg::obs
