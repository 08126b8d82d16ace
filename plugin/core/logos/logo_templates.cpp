#include "core/logos/logo_templates.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace cg {

cv::Vec3b parseHexColour(const std::string& hex)
{
    if (hex.size() != 7 || hex[0] != '#')
        throw std::invalid_argument("not a #RRGGBB colour: " + hex);
    std::size_t used = 0;
    const unsigned long value = std::stoul(hex.substr(1), &used, 16);
    if (used != 6)
        throw std::invalid_argument("not a #RRGGBB colour: " + hex);
    return {static_cast<uchar>(value & 0xFF), static_cast<uchar>((value >> 8) & 0xFF),
            static_cast<uchar>((value >> 16) & 0xFF)};
}

namespace {

LogoTemplate readEntry(const nlohmann::json& entry, const std::filesystem::path& folder,
                       const std::filesystem::path& manifest)
{
    LogoTemplate logo;
    try {
        logo.slug = entry.at("slug").get<std::string>();
        logo.title = entry.at("title").get<std::string>();
        logo.colourBgr = parseHexColour(entry.at("hex").get<std::string>());
    } catch (const std::exception& error) {
        throw LogoTemplateError(manifest.string() + ": bad brand entry: " + error.what());
    }
    const auto maskFile = folder / entry.value("mask", logo.slug + ".png");
    logo.mask = cv::imread(maskFile.string(), cv::IMREAD_GRAYSCALE);
    if (logo.mask.empty())
        throw LogoTemplateError(maskFile.string() + ": cannot read the mask of " + logo.slug);
    if (cv::countNonZero(logo.mask > 127) < 16)
        throw LogoTemplateError(maskFile.string() + ": the mask of " + logo.slug + " is empty");
    return logo;
}

} // namespace

std::vector<LogoTemplate> loadLogoTemplates(const std::filesystem::path& folder)
{
    const auto manifest = folder / "manifest.json";
    std::ifstream in(manifest);
    if (!in)
        throw LogoTemplateError(manifest.string() + ": cannot open the logo manifest");
    nlohmann::json document;
    try {
        in >> document;
    } catch (const std::exception& error) {
        throw LogoTemplateError(manifest.string() + ": not valid JSON: " + error.what());
    }
    if (!document.contains("brands") || !document["brands"].is_array() || document["brands"].empty())
        throw LogoTemplateError(manifest.string() + ": needs a non-empty \"brands\" array");
    std::vector<LogoTemplate> logos;
    for (const auto& entry : document["brands"])
        logos.push_back(readEntry(entry, folder, manifest));
    return logos;
}

} // namespace cg
