#pragma once

#include "core/detector.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cg {

struct CodeDetectorSettings {
    Millis cadence{500};
    // Frames wider than this are downscaled before reading; 1080p and below are read as they are
    // (tests/bench/RESULTS.md: full-resolution reading is what finds small codes).
    int maxAnalysisWidth = 1920;
    // Report 1D retail and logistics barcodes (category "barcode") as well as 2D codes ("qr_code").
    bool readLinearCodes = true;
    // Re-read, enlarged, the regions where ZXing located a 2D code but could not decode it.
    bool rescueLocatedCodes = true;
    // At most this many such regions per frame, so a busy frame cannot stall the worker.
    int maxRescuedRegions = 6;
};

// Finds QR and other 2D codes (category "qr_code") and 1D barcodes (category "barcode") with
// ZXing-cpp: one try-harder read of the whole frame (inverted and rotated codes included), then a
// second look at every region where a 2D code was located but not decoded.
class CodeDetector final : public Detector {
  public:
    static constexpr std::string_view kId = "codes";
    static constexpr std::string_view kQrCategory = "qr_code";
    static constexpr std::string_view kBarcodeCategory = "barcode";

    explicit CodeDetector(CodeDetectorSettings settings = {});

    [[nodiscard]] std::string_view id() const override { return kId; }
    [[nodiscard]] std::vector<std::string> categories() const override;
    [[nodiscard]] Millis cadence() const override { return settings_.cadence; }
    std::vector<Detection> detect(const Frame& frame) override;

    [[nodiscard]] const CodeDetectorSettings& settings() const { return settings_; }

  private:
    CodeDetectorSettings settings_;
};

} // namespace cg
