#include "core/report/report_thumbnails.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <memory>

namespace cg {
namespace {

void pixelate(cv::Mat& bgr, const cv::Rect& face)
{
    const int marginX = face.width / 4;
    const int marginY = face.height / 4;
    const cv::Rect grown =
        cv::Rect(face.x - marginX, face.y - marginY, face.width + 2 * marginX, face.height + 2 * marginY) &
        cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (grown.width < 2 || grown.height < 2)
        return;
    cv::Mat region = bgr(grown);
    // Six blocks across leave nothing of a face to recognise; the blur hides the block edges.
    cv::Mat blocks;
    cv::resize(region, blocks, cv::Size(6, std::max(1, 6 * grown.height / grown.width)), 0, 0,
               cv::INTER_AREA);
    cv::resize(blocks, region, region.size(), 0, 0, cv::INTER_NEAREST);
    const int kernel = (std::max(grown.width, grown.height) / 6) | 1;
    cv::GaussianBlur(region, region, cv::Size(kernel, kernel), 0);
}

ReportThumbnail thumbnailOf(const std::filesystem::path& file, const ThumbnailOptions& options,
                            FaceFinder* finder)
{
    ReportThumbnail thumbnail;
    cv::Mat picture = cv::imread(file.string(), cv::IMREAD_COLOR);
    if (picture.empty())
        return thumbnail;
    if (picture.cols > options.maxWidth) {
        const double scale = static_cast<double>(options.maxWidth) / picture.cols;
        cv::resize(picture, picture, cv::Size(), scale, scale, cv::INTER_AREA);
    }
    // Faces are looked for in the thumbnail itself: what the report shows is what must not be
    // recognisable, and at a quarter of the evidence's pixels a two-hour report stays within seconds
    // (tests/bench/RESULTS.md). A face too small for the cascade there is too small to recognise.
    if (finder != nullptr)
        thumbnail.facesBlurred = blurFaces(picture, *finder);
    cv::imencode(".jpg", picture, thumbnail.jpeg, {cv::IMWRITE_JPEG_QUALITY, options.jpegQuality});
    thumbnail.width = picture.cols;
    thumbnail.height = picture.rows;
    return thumbnail;
}

// Only pictures inside the record's evidence/ folder, as the verifier accepts them.
bool isEvidencePath(const std::filesystem::path& file)
{
    auto part = file.begin();
    if (part == file.end() || *part != "evidence" || ++part == file.end() || *part == "." || *part == "..")
        return false;
    return ++part == file.end();
}

} // namespace

int blurFaces(cv::Mat& bgr, FaceFinder& finder)
{
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    std::vector<FoundFace> faces = finder.frontal(gray);
    for (FoundFace& face :
         finder.profile(gray, cv::Rect(0, 0, gray.cols, gray.rows), finder.settings().minFacePx))
        faces.push_back(face);
    for (const FoundFace& face : faces)
        pixelate(bgr, face.box);
    return static_cast<int>(faces.size());
}

std::vector<ReportThumbnail> makeReportThumbnails(const ReportModel& model, const ThumbnailOptions& options)
{
    std::unique_ptr<FaceFinder> finder;
    if (options.blurFaces)
        finder = std::make_unique<FaceFinder>(options.faces);
    std::vector<ReportThumbnail> thumbnails;
    thumbnails.reserve(model.findings.size());
    for (const ReportFinding& finding : model.findings)
        thumbnails.push_back(
            !isEvidencePath(finding.evidenceFile)
                ? ReportThumbnail{}
                : thumbnailOf(model.sessionDir / finding.evidenceFile, options, finder.get()));
    return thumbnails;
}

} // namespace cg
