#include "obs/compliance_filter.hpp"

#include "core/analyzer.hpp"
#include "obs/filter_registry.hpp"
#include "obs/filter_settings.hpp"
#include "obs/frame_reader.hpp"
#include "obs/guard_api.hpp"
#include "obs/plugin_log.hpp"

#include <obs-module.h>

#include <atomic>
#include <cmath>
#include <memory>

#define TEXT_FILTER_NAME obs_module_text("ComplianceGuard.Filter.Name")

namespace cg::obs {

namespace {

// Read by the filters' workers; set at load, cleared at unload after every worker has stopped.
std::atomic<GuardService*> guard{nullptr};

// A capture decided in video_render and taken once the program picture is complete.
struct DueCapture {
    Millis time;
    uint32_t width;
    uint32_t height;
    uint32_t analysisWidth;
    uint32_t analysisHeight;
};

// One Compliance Guard filter on a scene or source. The graphics thread draws the target unchanged
// and, at the analysis cadence, hands a downscaled copy to this filter's analyzer; the analyzer's
// worker passes results to the guard service. Settings reach the graphics thread as one published
// snapshot.
struct ComplianceFilter {
    obs_source_t* context = nullptr;
    std::atomic<std::shared_ptr<const FilterSettings>> settings;
    SharedFilterSettings appliedShared;
    std::unique_ptr<FrameReader> reader; // graphics thread only
    std::unique_ptr<Analyzer> analyzer;
    Millis lastStaged{-1000000};
    std::optional<DueCapture> due; // graphics thread only
    std::atomic<bool> captured{false};
    bool loggedRenderError = false;
};

const char* filterName(void*) noexcept
{
    return TEXT_FILTER_NAME;
}

std::string moduleFile(const char* name)
{
    char* path = obs_module_file(name);
    std::string file = path ? path : "";
    bfree(path);
    return file;
}

// Detectors for this filter, with the word lists and allowed logos of the pack in force. One that
// cannot start is left out and its error added to `errors`.
std::vector<std::unique_ptr<Detector>> makeFilterDetectors(DetectorSettings settings,
                                                           std::vector<std::string>& errors)
{
    // Faces are matched against whoever is enrolled at the time, however late that is.
    settings.presenterSettings.registrySource = [] {
        GuardService* service = guard.load();
        return service ? service->presenterRegistry() : nullptr;
    };
    settings.logoSettings.templatesFolder = moduleFile("logos");
    if (GuardService* service = guard.load())
        useRulePack(settings, service->pack());
    return makeDetectors(settings, &errors);
}

void reportDetectorErrors(const std::vector<std::string>& errors)
{
    for (const std::string& error : errors) {
        log(LOG_ERROR, "detector not started: %s", error.c_str());
        if (guard)
            guard.load()->reportError(error);
    }
}

// Detectors for this filter; one that cannot start is reported in the dock and the log, and the
// others run.
std::vector<std::unique_ptr<Detector>> startDetectors(const DetectorSettings& settings)
{
    std::vector<std::string> errors;
    std::vector<std::unique_ptr<Detector>> detectors = makeFilterDetectors(settings, errors);
    reportDetectorErrors(errors);
    return detectors;
}

void filterUpdate(void* data, obs_data_t* settings) noexcept
{
    auto* filter = static_cast<ComplianceFilter*>(data);
    try {
        auto snapshot = std::make_shared<const FilterSettings>(readFilterSettings(settings));
        const std::shared_ptr<const FilterSettings> previous = filter->settings.exchange(snapshot);
        if (filter->analyzer && previous) {
            filter->analyzer->replaceDetectors(startDetectors(snapshot->detectors));
            registry().update(filter, detectorCategories(snapshot->detectors));
        }
        // Shared settings changed in this filter's properties apply to every watched scene.
        const SharedFilterSettings shared = readSharedSettings(settings);
        if (guard && previous && !(shared == filter->appliedShared)) {
            GuardSettings global = guard.load()->settings();
            global.packId = shared.packId;
            global.recordDir = shared.recordDir;
            global.rehearsal = shared.rehearsal;
            guard.load()->applySettings(global);
        }
        filter->appliedShared = shared;
    } catch (const std::exception& error) {
        log(LOG_ERROR, "filter settings not applied: %s", error.what());
    }
}

// Whether `source` is exactly what the program output shows: the output channel's scene, with no
// transition in progress. Its picture is then the main texture OBS has just rendered, and capturing
// it costs no second render of the scene (and includes whatever other channels add on air).
bool showsWholeProgram(obs_source_t* source)
{
    obs_source_t* output = obs_get_output_source(0);
    if (output == nullptr)
        return false;
    bool whole = output == source;
    if (obs_source_get_type(output) == OBS_SOURCE_TYPE_TRANSITION) {
        obs_source_t* from = obs_transition_get_source(output, OBS_TRANSITION_SOURCE_A);
        obs_source_t* to = obs_transition_get_source(output, OBS_TRANSITION_SOURCE_B);
        whole = from == source && to == nullptr;
        obs_source_release(from);
        obs_source_release(to);
    }
    obs_source_release(output);
    return whole;
}

bool isEightBitColour(gs_texture_t* texture)
{
    const gs_color_format format = gs_texture_get_color_format(texture);
    return format == GS_RGBA || format == GS_BGRA || format == GS_BGRX;
}

bool onAir(const ComplianceFilter& filter)
{
    obs_source_t* parent = obs_filter_get_parent(filter.context);
    return parent != nullptr && (obs_source_active(parent) || filter.settings.load()->rehearsal);
}

// Main-rendered callback, graphics thread, once per frame after the program picture is complete:
// collects the frame staged in an earlier frame and takes the capture video_render decided on.
void programRendered(void* data) noexcept
{
    auto* filter = static_cast<ComplianceFilter*>(data);
    if (!filter->reader)
        return;
    try {
        // One readback step per frame, so no step waits on the GPU; submitting never waits for the
        // worker. A capture that falls due while one is in flight waits for it.
        // A picture whose scene left the air while it was read back is dropped.
        if (std::optional<Frame> frame = filter->reader->advance(); frame && onAir(*filter))
            filter->analyzer->submit(*frame);
        if (!filter->due || !filter->reader->ready())
            return;
        const DueCapture due = *filter->due;
        filter->due.reset();
        gs_texture_t* program = obs_get_main_texture();
        if (program != nullptr && isEightBitColour(program) && gs_texture_get_width(program) == due.width &&
            gs_texture_get_height(program) == due.height &&
            showsWholeProgram(obs_filter_get_parent(filter->context)))
            filter->reader->render(program, due.analysisWidth, due.analysisHeight, due.time);
        else
            filter->reader->render(obs_filter_get_target(filter->context), due.width, due.height,
                                   due.analysisWidth, due.analysisHeight, due.time);
    } catch (const std::exception& error) {
        if (!filter->loggedRenderError)
            log(LOG_ERROR, "analysis frame not captured: %s", error.what());
        filter->loggedRenderError = true;
    }
}

void* filterCreate(obs_data_t* settings, obs_source_t* context) noexcept
{
    try {
        auto filter = std::make_unique<ComplianceFilter>();
        filter->context = context;
        if (guard)
            writeSharedSettings(settings, guard.load()->settings());
        filterUpdate(filter.get(), settings);
        const std::shared_ptr<const FilterSettings> snapshot = filter->settings.load();
        filter->analyzer = std::make_unique<Analyzer>(startDetectors(snapshot->detectors));
        filter->analyzer->start(
            [watcher = filter.get()](const AnalysisResult& result) {
                GuardService* service = guard.load();
                if (service == nullptr)
                    return;
                // Frames are only staged on air: a result marks this filter as watching at once, not
                // at the ticker's next poll, so that leaving the air or being removed before that poll
                // still ends its findings.
                service->setWatching(watcher, true, {});
                service->onResult(result);
            },
            Analyzer::WorkerPriority::Background);
        const std::string lumaEffectFile = moduleFile("effects/luma.effect");
        obs_enter_graphics();
        filter->reader = std::make_unique<FrameReader>(lumaEffectFile);
        obs_leave_graphics();
        obs_add_main_rendered_callback(programRendered, filter.get());
        registry().add(filter.get(), context, detectorCategories(snapshot->detectors), &filter->captured,
                       filter->analyzer.get());
        return filter.release();
    } catch (const std::exception& error) {
        log(LOG_ERROR, "filter not created: %s", error.what());
        return nullptr;
    }
}

void filterDestroy(void* data) noexcept
{
    auto* filter = static_cast<ComplianceFilter*>(data);
    try {
        obs_remove_main_rendered_callback(programRendered, filter);
        registry().remove(filter);
        filter->analyzer.reset(); // stops and joins the worker before the frames' source goes
        // A filter removed (or its scene deleted) while on air ends what it was watching: nothing
        // else would ever clear those findings. After the worker stopped, so no result reopens them.
        const std::shared_ptr<const FilterSettings> settings = filter->settings.load();
        if (guard)
            guard.load()->setWatching(filter, false,
                                      settings ? detectorCategories(settings->detectors)
                                               : std::vector<std::string>{});
        obs_enter_graphics();
        filter->reader.reset();
        obs_leave_graphics();
    } catch (const std::exception& error) {
        log(LOG_ERROR, "filter destroy: %s", error.what());
    }
    delete filter;
}

void filterDefaults(obs_data_t* settings) noexcept
{
    setFilterDefaults(settings, guard ? guard.load()->settings() : GuardSettings{});
}

obs_properties_t* filterProperties(void* data) noexcept
{
    try {
        // Show the shared settings as they are now, even if another scene's filter changed them.
        auto* filter = static_cast<ComplianceFilter*>(data);
        if (filter && guard) {
            obs_data_t* settings = obs_source_get_settings(filter->context);
            writeSharedSettings(settings, guard.load()->settings());
            filter->appliedShared = readSharedSettings(settings);
            obs_data_release(settings);
        }
        return makeFilterProperties(guard ? guard.load()->availablePacks()
                                          : std::vector<std::pair<std::string, LocalizedText>>{});
    } catch (const std::exception& error) {
        log(LOG_ERROR, "filter properties: %s", error.what());
        return obs_properties_create();
    }
}

std::pair<uint32_t, uint32_t> analysisSize(uint32_t width, uint32_t height, uint32_t maxHeight)
{
    if (maxHeight == 0 || height <= maxHeight)
        return {width, height};
    const double scale = static_cast<double>(maxHeight) / height;
    return {static_cast<uint32_t>(std::lround(width * scale)) & ~1u, maxHeight};
}

// Draws the target unchanged and only decides whether a capture is due: the capture itself waits
// for the program picture to be complete (programRendered), where it can often reuse it.
void filterRender(void* data, gs_effect_t*) noexcept
{
    auto* filter = static_cast<ComplianceFilter*>(data);
    obs_source_skip_video_filter(filter->context);
    if (!guard || !filter->reader)
        return;
    const std::shared_ptr<const FilterSettings> settings = filter->settings.load();
    const Millis now = guard.load()->clock().now();
    if (!onAir(*filter) || !settings->detectors.anyEnabled() || now - filter->lastStaged < settings->cadence)
        return;
    obs_source_t* target = obs_filter_get_target(filter->context);
    const uint32_t width = obs_source_get_base_width(target);
    const uint32_t height = obs_source_get_base_height(target);
    if (width == 0 || height == 0)
        return;
    const auto [analysisWidth, analysisHeight] = analysisSize(width, height, settings->analysisHeight);
    filter->due = DueCapture{now, width, height, analysisWidth, analysisHeight};
    filter->lastStaged = now;
    filter->captured.store(true, std::memory_order_relaxed);
}

} // namespace

// Another rule pack came into force: every filter restarts its detectors with its word lists.
void restartDetectorsForNewPack()
{
    std::vector<std::string> errors;
    registry().forEach([&errors](const FilterRegistry::Entry& entry) {
        const auto* filter = static_cast<const ComplianceFilter*>(entry.filter);
        if (const auto settings = filter->settings.load())
            entry.analyzer->replaceDetectors(makeFilterDetectors(settings->detectors, errors));
    });
    reportDetectorErrors(errors);
}

void registerComplianceFilter(GuardService* service)
{
    guard = service;
    if (service != nullptr)
        service->packChanged = restartDetectorsForNewPack;
    obs_source_info info = {};
    info.id = api::filterId;
    info.type = OBS_SOURCE_TYPE_FILTER;
    info.output_flags = OBS_SOURCE_VIDEO;
    info.get_name = filterName;
    info.create = filterCreate;
    info.destroy = filterDestroy;
    info.update = filterUpdate;
    info.get_defaults = filterDefaults;
    info.get_properties = filterProperties;
    info.video_render = filterRender;
    obs_register_source(&info);
}

void forgetGuardService()
{
    guard = nullptr;
}

} // namespace cg::obs
