#include "ui/dock_entry.hpp"

#include "ui/dock_text.hpp"
#include "ui/guard_client.hpp"
#include "ui/guard_dock.hpp"
#include "ui/record_browser.hpp"

#include <obs-frontend-api.h>
#include <obs-module.h>
#include <util/config-file.h>
#include <util/platform.h>

#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QMainWindow>
#include <QPointer>
#include <QSystemTrayIcon>

#include <memory>
#include <thread>

namespace cg::ui {
namespace {

constexpr const char* kDockId = "compliance-guard-dock";

struct DockInstance {
    std::unique_ptr<GuardClient> client; // outlives the dock widget, which holds a reference to it
    QPointer<GuardDock> dock;
    QPointer<RecordBrowser> browser;
    std::thread retention; // deletes records past the retention time, once at start; joined at unload
};

DockInstance* instance = nullptr;

QSystemTrayIcon::MessageIcon trayIconFor(GuardState state)
{
    return state >= GuardState::Critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning;
}

void showInTray(const QString& title, const QString& message, GuardState state)
{
    auto* tray = static_cast<QSystemTrayIcon*>(obs_frontend_get_system_tray());
    if (tray != nullptr && tray->isVisible())
        tray->showMessage(title, message, trayIconFor(state), 10000);
}

// The dock's own preferences live in the module's config folder, next to the first-run flag.
template <typename Use> void withDockConfig(Use use)
{
    char* folder = obs_module_config_path("");
    os_mkdirs(folder);
    bfree(folder);
    char* path = obs_module_config_path("dock.ini");
    config_t* config = nullptr;
    if (path != nullptr && config_open(&config, path, CONFIG_OPEN_ALWAYS) == CONFIG_SUCCESS) {
        use(config);
        config_close(config);
    }
    bfree(path);
}

void keepAlertSoundChoice(GuardDock* dock)
{
    withDockConfig([dock](config_t* config) {
        dock->alertSoundOption()->setChecked(config_get_bool(config, "Dock", "AlertSound"));
    });
    QObject::connect(dock->alertSoundOption(), &QCheckBox::toggled, [](bool checked) {
        withDockConfig([checked](config_t* config) {
            config_set_bool(config, "Dock", "AlertSound", checked);
            config_save_safe(config, "tmp", nullptr);
        });
    });
    QObject::connect(dock, &GuardDock::alertSoundNeeded, [] { QApplication::beep(); });
}

std::string moduleFile(const char* name)
{
    char* path = obs_module_file(name);
    std::string file = path ? path : "";
    bfree(path);
    return file;
}

RecordBrowserPaths recordPaths(const GuardDock& dock)
{
    RecordBrowserPaths paths;
    paths.recordsDir = dock.recordsDir();
    paths.currentSessionDir = dock.sessionDir();
    paths.rulesDir = moduleFile("rules");
    paths.localeDir = moduleFile("locale");
    paths.language = std::string(obs_get_locale()).starts_with("zh") ? "zh-CN" : "en-US";
    return paths;
}

int retentionDays()
{
    int days = 0;
    withDockConfig([&days](config_t* config) {
        days = static_cast<int>(config_get_int(config, "Records", "RetentionDays"));
    });
    return days;
}

void openRecordBrowser(GuardDock* dock)
{
    if (instance->browser) {
        instance->browser->raise();
        instance->browser->activateWindow();
        return;
    }
    auto* browser = new RecordBrowser(recordPaths(*dock), retentionDays(), dock);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(browser, &RecordBrowser::retentionChanged, [](int days) {
        withDockConfig([days](config_t* config) {
            config_set_int(config, "Records", "RetentionDays", days);
            config_save_safe(config, "tmp", nullptr);
        });
    });
    instance->browser = browser;
    browser->show();
}

// Records older than the retention the streamer chose go when OBS starts (never the session being
// written); what cannot be deleted is logged with its folder.
void applyRetentionOnce(GuardDock* dock)
{
    const int days = retentionDays();
    if (days <= 0 || dock->recordsDir().empty() || instance->retention.joinable())
        return;
    instance->retention = std::thread([paths = recordPaths(*dock), days] {
        for (const std::string& problem : applyRecordRetention(paths, days))
            blog(LOG_WARNING, "[compliance-guard] record retention: %s", problem.c_str());
    });
}

// OBS adds plugin docks hidden and floating and then restores the saved layout, which does not know
// a new dock yet. So on the first run (no flag in the module's config) dock it on the right and show
// it once OBS has finished loading; later runs keep whatever the user made of it.
void showDockOnFirstRun()
{
    if (instance == nullptr || instance->dock == nullptr)
        return;
    withDockConfig([](config_t* config) {
        if (config_get_bool(config, "Dock", "ShownOnce"))
            return;
        auto* dock = qobject_cast<QDockWidget*>(instance->dock->parentWidget());
        auto* window = static_cast<QMainWindow*>(obs_frontend_get_main_window());
        if (dock != nullptr && window != nullptr) {
            dock->setFloating(false);
            window->addDockWidget(Qt::RightDockWidgetArea, dock);
            dock->show();
            dock->raise();
        }
        config_set_bool(config, "Dock", "ShownOnce", true);
        config_save_safe(config, "tmp", nullptr);
    });
}

void onFrontendEvent(enum obs_frontend_event event, void*) noexcept
{
    try {
        if (event == OBS_FRONTEND_EVENT_FINISHED_LOADING && instance != nullptr &&
            instance->dock != nullptr) {
            instance->dock->refresh();
            showDockOnFirstRun();
            applyRetentionOnce(instance->dock);
        }
    } catch (...) {
        blog(LOG_ERROR, "[compliance-guard] dock: frontend event %d failed", static_cast<int>(event));
    }
}

} // namespace

void createDock()
{
    if (instance != nullptr)
        return;
    // A libobs host without the OBS frontend (tests/obs) has no Qt application and no main window:
    // constructing a widget there would abort the process.
    if (QApplication::instance() == nullptr || obs_frontend_get_main_window() == nullptr) {
        blog(LOG_INFO, "[compliance-guard] dock: no OBS main window, no dock");
        return;
    }
    auto created = std::make_unique<DockInstance>();
    created->client = std::make_unique<GuardClient>();
    obs_frontend_push_ui_translation(obs_module_get_string);
    auto* dock = new GuardDock(*created->client, obs_get_locale());
    obs_frontend_pop_ui_translation();
    created->dock = dock;
    QObject::connect(dock, &GuardDock::attentionNeeded, dock, &showInTray);
    keepAlertSoundChoice(dock);
    QObject::connect(dock, &GuardDock::recordsRequested, dock, [dock] {
        obs_frontend_push_ui_translation(obs_module_get_string);
        openRecordBrowser(dock);
        obs_frontend_pop_ui_translation();
    });
    const QByteArray title = dockText("ComplianceGuard.Dock.Title").toUtf8();
    if (!obs_frontend_add_dock_by_id(kDockId, title.constData(), dock)) {
        blog(LOG_ERROR, "[compliance-guard] dock: OBS refused the dock id %s", kDockId);
        delete dock;
        return;
    }
    instance = created.release();
    obs_frontend_add_event_callback(&onFrontendEvent, nullptr);
}

void destroyDock()
{
    if (instance == nullptr)
        return;
    obs_frontend_remove_event_callback(&onFrontendEvent, nullptr);
    if (instance->retention.joinable())
        instance->retention.join();
    obs_frontend_remove_dock(kDockId); // deletes the QDockWidget and the GuardDock inside it
    delete instance->dock.data();      // still there only if OBS did not own it
    delete instance;
    instance = nullptr;
}

} // namespace cg::ui
