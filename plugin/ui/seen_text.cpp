#include "ui/seen_text.hpp"

#include "ui/dock_text.hpp"

#include <obs-module.h>

#include <optional>

namespace cg::ui {

namespace {

std::optional<QString> translation(const std::string& key)
{
    const char* text = nullptr;
    if (!obs_module_get_string(key.c_str(), &text) || text == nullptr)
        return std::nullopt;
    return QString::fromUtf8(text);
}

// Nothing for an item that has neither wording nor text (a measured condition such as a static
// picture): the guard's detail says it better.
std::optional<QString> describe(const SeenItem& item)
{
    const QString text = QString::fromStdString(item.text);
    // "ComplianceGuard.Seen.text.wechat" = "WeChat ID shown: %1"; "ComplianceGuard.Seen.logo" = "%1 logo".
    std::optional<QString> wording = translation("ComplianceGuard.Seen." + item.category + "." + item.label);
    if (!wording)
        wording = translation("ComplianceGuard.Seen." + item.category);
    if (!wording && text.isEmpty())
        return std::nullopt;
    QString described =
        wording ? wording->arg(text.isEmpty() ? QString::fromStdString(item.label) : text) : text;
    if (const auto where = translation("ComplianceGuard.Position." + item.position);
        where && !item.position.empty())
        described = dockText("ComplianceGuard.Seen.WithPosition").arg(described, *where);
    return described;
}

} // namespace

QString seenText(const std::vector<SeenItem>& seen, const std::string& fallback)
{
    QString joined;
    for (const SeenItem& item : seen) {
        const std::optional<QString> described = describe(item);
        if (!described)
            continue;
        if (!joined.isEmpty())
            joined += dockText("ComplianceGuard.Seen.Separator");
        joined += *described;
    }
    return joined.isEmpty() ? QString::fromStdString(fallback) : joined;
}

} // namespace cg::ui
