#pragma once

#include "core/presence/face_finder.hpp"
#include "core/report/report_model.hpp"

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <vector>

namespace cg {

struct ThumbnailOptions {
    // Faces in the pictures are pixelated in the report's copy (the evidence files are hashed and
    // never changed). On by default: a report is made to be handed to others.
    bool blurFaces = true;
    int maxWidth = 320;
    int jpegQuality = 80;
    // The presence module's finder, tuned to miss less: a pattern blurred by mistake costs nothing,
    // a face left sharp is what the setting is for. The coarser scale step keeps 500 thumbnails
    // within a few seconds.
    FaceFinderSettings faces = blurringFaceFinder();

    static FaceFinderSettings blurringFaceFinder()
    {
        FaceFinderSettings settings;
        settings.scaleStep = 1.2;
        settings.minNeighbours = 2;
        settings.profileMinNeighbours = 2;
        return settings;
    }
};

struct ReportThumbnail {
    std::vector<std::uint8_t> jpeg; // empty when the finding has no picture or it cannot be read
    int width = 0;
    int height = 0;
    int facesBlurred = 0;
};

// One thumbnail per model.findings entry, in the same order, from its evidence file. Throws
// std::runtime_error when faces are to be blurred and the face cascades cannot be loaded.
std::vector<ReportThumbnail> makeReportThumbnails(const ReportModel& model, const ThumbnailOptions& options);

// Pixelates every face the finder sees in `bgr` (frontal and in profile), in place, with a margin
// for hair and ears; returns how many.
int blurFaces(cv::Mat& bgr, FaceFinder& finder);

} // namespace cg
