#include "ui/dock_text.hpp"

#include <obs-module.h>

namespace cg::ui {

QString dockText(const char* key)
{
    return QString::fromUtf8(obs_module_text(key));
}

} // namespace cg::ui
