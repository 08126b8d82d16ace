#pragma once

#include "obs/guard_api.hpp"
#include "obs/guard_probe.hpp"
#include "obs/guarded_scene.hpp"
#include "obs/libobs_host.hpp"
#include "support/temp_folder.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace cg::obstest {

// Each test gets its own libobs with the guard loaded, and a fresh config (and so records) folder.
class GuardInLibobs : public testing::Test {
  protected:
    void SetUp() override { startLibobs(); }
    void TearDown() override { shutdownLibobs(); }

    void startLibobs() { host_ = std::make_unique<LibobsHost>(config_.path() / "obs-config"); }

    // What OBS does on exit. libobs counts its own allocations: any left means a source, filter
    // or data object was never released (OBS logs them as memory leaks).
    void shutdownLibobs()
    {
        if (!host_)
            return;
        const long leftAllocations = host_->shutdown();
        host_.reset();
        EXPECT_EQ(leftAllocations, 0) << "libobs allocations still alive after obs_shutdown";
    }

    [[nodiscard]] std::filesystem::path recordsDir() const
    {
        return (config_.path() / "obs-config" / "compliance-guard" / "records");
    }

    static std::filesystem::path qrBanner()
    {
        return std::filesystem::path(CG_SOURCE_DIR) / "data/demo/banner-with-qr.png";
    }

    static bool isQrOpened(const nlohmann::json& finding)
    {
        return finding.value("change", "") == "finding_opened" &&
               finding.value("rule", "") == "qr_code_on_air";
    }

    static bool hasQrRow(const nlohmann::json& status)
    {
        for (const nlohmann::json& row : status.value("rules", nlohmann::json::array()))
            if (row.value("category", "") == "qr_code")
                return true;
        return false;
    }

  private:
    TempFolder config_;
    std::unique_ptr<LibobsHost> host_;
};

} // namespace cg::obstest
