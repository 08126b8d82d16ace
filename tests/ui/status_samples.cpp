#include "status_samples.hpp"

#include <nlohmann/json.hpp>

namespace cg::test {
namespace {

using nlohmann::json;

json localized(const char* english, const char* chinese)
{
    return {{"en-US", english}, {"zh-CN", chinese}};
}

json baseStatus(const std::string& state)
{
    return {
        {"state", state},
        {"acknowledged", false},
        {"analysing", true},
        {"pack",
         {{"id", "alibaba"}, {"name", localized("Alibaba.com", "阿里巴巴国际站")}, {"error", nullptr}}},
        {"session",
         {{"kind", "stream"},
          {"dir", "/records/2025-01-01_stream"},
          {"started_utc_ms", 1735689600000},
          {"recording_file", nullptr},
          {"error", nullptr}}},
        {"rules", json::array()},
        {"scenes",
         json::array({{{"name", "Camera"}, {"watched", true}, {"on_program", true}, {"in_preview", false}}})},
        {"recent", json::array()},
        {"errors", json::array()}};
}

} // namespace

std::string warningStatusJson(const std::string& evidencePath)
{
    json status = baseStatus("warning");
    status["rules"] = json::array({{{"rule", "no_qr_codes"},
                                    {"category", "qr_code"},
                                    {"state", "warning"},
                                    {"title", localized("QR code on air", "画面上有二维码")},
                                    {"seen_for_s", 12.5},
                                    {"limit_s", 0},
                                    {"time_to_limit_s", 0},
                                    {"detail", "https://wa.me/123456"},
                                    {"platform", localized("Alibaba.com", "阿里巴巴国际站")}},
                                   {{"rule", "presenter_present"},
                                    {"category", "presenter"},
                                    {"state", "notice"},
                                    {"title", localized("Presenter not seen", "画面里没有主播")},
                                    {"seen_for_s", 192.0},
                                    {"limit_s", 300},
                                    {"time_to_limit_s", 108.0},
                                    {"detail", ""},
                                    {"platform", localized("Alibaba.com", "阿里巴巴国际站")}}});
    status["scenes"] = json::array({
        {{"name", "Camera"}, {"watched", true}, {"on_program", false}, {"in_preview", true}},
        {{"name", "Product close-up"}, {"watched", false}, {"on_program", true}, {"in_preview", false}},
        {{"name", "Break"}, {"watched", false}, {"on_program", false}, {"in_preview", false}},
    });
    status["recent"] = json::array({
        {{"change", "finding_changed"},
         {"rule", "no_qr_codes"},
         {"state", "warning"},
         {"title", localized("QR code on air", "画面上有二维码")},
         {"utc_ms", 1735689712000},
         {"t_s", 112.0},
         {"detail", "https://wa.me/123456"},
         {"evidence", evidencePath}},
        {{"change", "finding_opened"},
         {"rule", "presenter_present"},
         {"state", "notice"},
         {"title", localized("Presenter not seen", "画面里没有主播")},
         {"utc_ms", 1735689700000},
         {"t_s", 100.0},
         {"detail", ""},
         {"evidence", nullptr}},
        {{"change", "finding_cleared"},
         {"rule", "no_silence"},
         {"state", "clear"},
         {"title", localized("No sound", "没有声音")},
         {"utc_ms", 1735689650000},
         {"t_s", 50.0},
         {"detail", ""},
         {"evidence", nullptr}},
    });
    return status.dump();
}

std::string clearStatusJson()
{
    return baseStatus("clear").dump();
}

std::string statusInState(const std::string& state, bool acknowledged)
{
    json status = baseStatus(state);
    status["acknowledged"] = acknowledged;
    return status.dump();
}

} // namespace cg::test
