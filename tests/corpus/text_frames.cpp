#include "corpus/text_frames.hpp"

#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cmath>

namespace cg::textcorpus {

namespace {

int luhnCheckDigit(const std::string& body)
{
    int sum = 0;
    bool doubled = true; // the check digit will be appended, so the last body digit is doubled
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        int digit = *it - '0';
        if (doubled) {
            digit *= 2;
            if (digit > 9) {
                digit -= 9;
            }
        }
        sum += digit;
        doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
}

std::string grouped(const std::string& number, int group, char separator)
{
    std::string out;
    for (std::size_t i = 0; i < number.size(); ++i) {
        if (i > 0 && i % static_cast<std::size_t>(group) == 0) {
            out.push_back(separator);
        }
        out.push_back(number[i]);
    }
    return out;
}

bool isAscii(const std::string& text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 128; });
}

const std::vector<std::string> kNames = {"anna",  "mike",  "rose",    "tom",     "nina",  "luna",  "zoe",
                                         "max",   "sky",   "star",    "gold",    "fresh", "smart", "happy",
                                         "lucky", "green", "blue",    "sunrise", "moon",  "ivy",   "oscar",
                                         "ruby",  "hana",  "xiaomei", "ahui"};
const std::vector<std::string> kGoods = {"home", "bags",  "shoes", "tea",  "decor", "kids", "pets",
                                         "toys", "craft", "wear",  "jade", "silk",  "lamp", "cup"};

} // namespace

std::string TextSampleMaker::pick(const std::vector<std::string>& options)
{
    return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(random_)];
}

std::string TextSampleMaker::digits(int count, bool leadingNonZero)
{
    std::string out;
    for (int i = 0; i < count; ++i) {
        const int low = (i == 0 && leadingNonZero) ? 1 : 0;
        out.push_back(static_cast<char>('0' + std::uniform_int_distribution<int>(low, 9)(random_)));
    }
    return out;
}

std::string TextSampleMaker::account(int minLength, int maxLength)
{
    std::string id = pick(kNames);
    if (std::bernoulli_distribution(0.5)(random_)) {
        id += (std::bernoulli_distribution(0.5)(random_) ? "_" : "") + pick(kGoods);
    }
    id += digits(std::uniform_int_distribution<int>(1, 4)(random_));
    if (static_cast<int>(id.size()) > maxLength) {
        id = id.substr(0, static_cast<std::size_t>(maxLength - 2)) + digits(2);
    }
    while (static_cast<int>(id.size()) < minLength) {
        id += digits(1, false);
    }
    if (std::bernoulli_distribution(0.2)(random_)) {
        id[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(id[0])));
    }
    return id;
}

TextSample TextSampleMaker::make(const std::string& category)
{
    std::bernoulli_distribution coin(0.5);
    TextSample sample{category, {}, {}};
    const auto mobile = [&] { return "1" + std::string(1, "3456789"[random_() % 7]) + digits(9, false); };
    const auto card = [&](bool valid) {
        const std::string prefix = pick({"4", "51", "52", "55", "62", "622", "6217", "6222"});
        const int length = coin(random_) ? 16 : 19;
        std::string body = prefix + digits(length - 1 - static_cast<int>(prefix.size()), false);
        int check = luhnCheckDigit(body);
        if (!valid) {
            check = (check + std::uniform_int_distribution<int>(1, 9)(random_)) % 10;
        }
        return body + static_cast<char>('0' + check);
    };
    if (category == "wechat") {
        const std::string marker = pick({"微信", "微信号", "薇信", "V信", "加V", "VX", "vx", "wx", "WX",
                                         "WeChat", "weixin", "加微信", "威信"});
        // An ASCII marker runs into an ID made of letters ("VXFresh9" is one word), so it gets a separator.
        const bool asciiMarker = isAscii(marker);
        const std::string separator = asciiMarker ? pick({": ", "：", " "}) : pick({": ", "：", " ", ""});
        sample.text = pick({"", "", "私信", "添加"}) + marker + separator + account(6, 16) +
                      pick({"", "", " 领券", " 咨询"});
        if (marker.find("微信") != std::string::npos || marker == "WeChat" || marker == "weixin") {
            sample.alsoMatches = {"platform_name"};
        }
    } else if (category == "qq") {
        sample.text = pick({"QQ", "QQ号", "QQ:", "QQ：", "售后QQ:", "QQ群", "扣扣"}) + pick({" ", ""}) +
                      digits(std::uniform_int_distribution<int>(6, 10)(random_));
        sample.alsoMatches = {"platform_name"};
    } else if (category == "phone") {
        const int kind = std::uniform_int_distribution<int>(0, 5)(random_);
        std::string number;
        const std::string m = mobile();
        if (kind == 0) {
            number = m;
        } else if (kind == 1) {
            number = m.substr(0, 3) + " " + m.substr(3, 4) + " " + m.substr(7);
        } else if (kind == 2) {
            number = "+86 " + m.substr(0, 3) + "-" + m.substr(3, 4) + "-" + m.substr(7);
        } else if (kind == 3) {
            number = pick({"0571", "021", "010", "0755", "020"}) + "-" + digits(4) +
                     (coin(random_) ? " " : "") + digits(4, false);
        } else if (kind == 4) {
            number = "+1 " + pick({"212", "415", "646"}) + "-555-01" + digits(2, false);
        } else {
            number = coin(random_) ? "+44 20 7946 0" + digits(3, false)
                                   : "+971 50 " + digits(3, false) + " " + digits(4, false);
        }
        sample.text = pick({"电话: ", "Tel: ", "Call ", "客服 ", "手机 ", "热线：", "", "Hotline "}) + number;
    } else if (category == "url") {
        const std::string site = pick(kNames) + pick(kGoods);
        const int kind = std::uniform_int_distribution<int>(0, 4)(random_);
        std::string url;
        if (kind == 0) {
            url = "www." + site + pick({".com", ".cn", ".com.cn", ".net"});
        } else if (kind == 1) {
            url = pick({"https://", "http://"}) + site + ".com/" + pick({"shop", "sale", "item"});
        } else if (kind == 2) {
            url = "bit.ly/";
            for (int i = 0; i < 7; ++i) {
                url.push_back("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"[random_() % 56]);
            }
        } else if (kind == 3) {
            url = site + pick({".cn", ".shop", ".com"});
        } else {
            url = "shop." + site + ".com";
        }
        sample.text = pick({"店铺网址 ", "Shop: ", "Visit ", "下单链接 ", "官网 ", "", ""}) + url;
    } else if (category == "email") {
        sample.text = pick({"Email: ", "邮箱: ", "合作邮箱 ", "Mail: ", "联系邮箱：", ""}) + pick(kNames) +
                      (coin(random_) ? "." + pick(kGoods) : digits(3)) + "@" +
                      pick({"126.com", "163.com", "qq.com", "gmail.com", "outlook.com", "sina.com"});
    } else if (category == "handle") {
        const int kind = std::uniform_int_distribution<int>(0, 3)(random_);
        const std::string name = account(5, 14);
        if (kind == 0) {
            const std::string platform =
                pick({"Instagram", "TikTok", "快手", "抖音", "IG:", "Follow", "抖音号:", "快手号"});
            // The apps' own account numbers follow their marker without an '@'.
            const bool accountMarker = platform.find("号") != std::string::npos;
            sample.text = platform + (accountMarker ? " " : " @") + name;
            if (platform != "Follow" && platform != "IG:") {
                sample.alsoMatches = {"platform_name"};
            }
        } else if (kind == 1) {
            sample.text = "@" + name;
        } else if (kind == 2) {
            sample.text = pick({"Telegram ", ""}) + "t.me/" + name;
            sample.alsoMatches = {"url", "platform_name"};
        } else {
            sample.text = pick({"WhatsApp ", ""}) + "wa.me/86" + mobile();
            sample.alsoMatches = {"url", "phone", "platform_name"};
        }
    } else if (category == "bank_card") {
        const std::string number = card(true);
        sample.text = pick({"卡号 ", "Card: ", "转账 ", "银行卡：", ""}) +
                      grouped(number, 4, coin(random_) ? ' ' : (coin(random_) ? '-' : ' '));
    } else if (category == "platform_name") {
        if (coin(random_)) {
            const std::string platform =
                pick({"淘宝", "京东", "拼多多", "抖音", "快手", "小红书", "支付宝", "天猫"});
            sample.text = pick({"{}同款", "{}爆款", "支持{}付款", "{}小店上新", "{}直播间见", "{}旗舰店"});
            sample.text.replace(sample.text.find("{}"), 2, platform);
        } else {
            const std::string platform = pick({"Taobao", "Amazon", "eBay", "Shopee", "Lazada", "Facebook",
                                               "Alipay", "PayPal", "YouTube", "AliExpress", "Pinduoduo"});
            sample.text = pick({"{} store open", "Shop on {}", "{} accepted", "Also on {}", "Seen on {}"});
            sample.text.replace(sample.text.find("{}"), 2, platform);
        }
    } else if (category == "absolute_word") {
        if (coin(random_)) {
            sample.text = pick({"", "今日", "本店", "全场"}) +
                          pick({"最低价", "最好", "销量第一", "顶级", "极品", "国家级", "唯一", "绝对",
                                "全网最低", "史上最", "首个"}) +
                          pick({"", "好货", "品质", "面料", "正品", "工艺", "优惠"});
        } else {
            sample.text = pick({"Best quality", "The best price", "No.1 seller", "Number one choice",
                                "#1 brand", "Top-rated shop", "Lowest price today", "Unprecedented deal",
                                "The only one left", "World's best silk", "100% guaranteed"});
        }
    } else if (category == "negative_number") {
        const std::string number = card(false);
        const int kind = std::uniform_int_distribution<int>(0, 4)(random_);
        if (kind == 0) {
            sample.text = "订单号 " + number;
        } else if (kind == 1) {
            sample.text = "SKU: " + grouped(number.substr(0, 16), 4, ' ');
        } else if (kind == 2) {
            sample.text = "Batch " + grouped(number.substr(0, 16), 4, '-');
        } else if (kind == 3) {
            sample.text = "条码 " + number;
        } else {
            sample.text = "Order #" + number;
        }
    } else {
        sample.category = "negative_text";
        const std::string n = std::to_string(std::uniform_int_distribution<int>(9, 499)(random_));
        sample.text = pick({"¥" + n,
                            "$" + n + ".99",
                            "到手价 ¥" + n,
                            "满 " + n + " 减 20",
                            "尺码 S-XL",
                            "Size 36-42",
                            "纯棉面料",
                            "Real leather",
                            "Ships in 3 days",
                            "48小时发货",
                            "包邮",
                            "现货速发",
                            "Free shipping",
                            "Live now",
                            "最后一件",
                            "第一次直播",
                            "第一件半价",
                            "Best before 2026-05",
                            "100% cotton",
                            "Model XR-" + n,
                            n + "ml",
                            "今晚 8 点开播",
                            "欢迎新朋友",
                            "Buy 2 get 1 free",
                            "Limited stock",
                            "Pure silk scarf",
                            "Made in Hangzhou",
                            "Sunrise Crafts Co.",
                            "新品上架",
                            "限时秒杀",
                            "点关注不迷路",
                            "Hand wash only",
                            "3 colours",
                            "买一送一",
                            "主播身高 165cm",
                            "Ceramic mug set"});
    }
    return sample;
}

TextSample TextSampleMaker::makeAny(bool violation)
{
    if (violation) {
        const std::string& category = kViolationCategories[random_() % kViolationCategories.size()];
        return make(onlyCategory_.empty() ? category : onlyCategory_);
    }
    return make(std::bernoulli_distribution(0.25)(random_) ? "negative_number" : "negative_text");
}

struct TextFrameGenerator::Font {
    cv::Ptr<cv::freetype::FreeType2> face;
    bool chinese = false;
};

struct TextFrameGenerator::Widget {
    cv::Mat premultiplied; // CV_32FC3
    cv::Mat alpha;         // CV_32FC1
    std::vector<TextSample> items;
    std::vector<cv::Mat> masks; // CV_8UC1 per item
};

std::vector<std::string> utf8Characters(const std::string& text)
{
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        characters.push_back(text.substr(i, length));
        i += length;
    }
    return characters;
}

TextFrameGenerator::TextFrameGenerator(std::vector<cv::Mat> backgrounds, unsigned seed)
    : backgrounds_(std::move(backgrounds)), samples_(seed * 7 + 1), random_(seed)
{
    const std::vector<std::tuple<std::string, int, bool>> files = {
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0, false},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0, false},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 0, false},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 0, false},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", 0, false},
        {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, true},
        {"/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2, true},
        {"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2, true},
        {"/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2, true}};
    for (const auto& [file, index, chinese] : files) {
        Font font;
        font.face = cv::freetype::createFreeType2();
        font.face->loadFontData(file, index);
        font.chinese = chinese;
        fonts_.push_back(font);
    }
}

TextFrameGenerator::~TextFrameGenerator() = default;

std::vector<cv::Mat> TextFrameGenerator::loadBackgrounds(const std::filesystem::path& folder)
{
    std::vector<cv::Mat> backgrounds;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) {
        const std::string extension = file.extension().string();
        cv::Mat image;
        if (extension == ".jpg" || extension == ".png" || extension == ".jpeg") {
            image = cv::imread(file.string(), cv::IMREAD_COLOR);
        } else if (extension == ".mp4" || extension == ".mkv" || extension == ".webm") {
            cv::VideoCapture video(file.string());
            video.set(cv::CAP_PROP_POS_FRAMES, video.get(cv::CAP_PROP_FRAME_COUNT) / 2);
            video.read(image);
        }
        if (!image.empty() && image.cols >= 200 && image.rows >= 150) {
            backgrounds.push_back(image);
        }
    }
    return backgrounds;
}

std::vector<cv::Mat> TextFrameGenerator::sharedPhotos()
{
    std::vector<cv::Mat> photos;
    for (const char* folder : {"faces", "idle"}) {
        const std::filesystem::path path = std::filesystem::path(CG_SHARED_DIR) / "corpus" / folder;
        if (std::filesystem::is_directory(path)) {
            for (cv::Mat& photo : loadBackgrounds(path)) {
                photos.push_back(photo);
            }
        }
    }
    return photos;
}

TextFrameGenerator::Widget TextFrameGenerator::renderWidget(const std::vector<std::vector<TextSample>>& lines,
                                                            bool vertical)
{
    std::uniform_real_distribution<double> unit(0, 1);
    const double sizeClass = unit(random_);
    const int inkHeight = sizeClass < 0.4    ? std::uniform_int_distribution<int>(14, 20)(random_)
                          : sizeClass < 0.75 ? std::uniform_int_distribution<int>(22, 34)(random_)
                                             : std::uniform_int_distribution<int>(40, 60)(random_);
    const int fontHeight = static_cast<int>(inkHeight * 1.3);
    // Colours: text and box differ in brightness, as overlays meant to be read do.
    const bool darkBox = unit(random_) < 0.6;
    const auto randomColour = [&](int low, int high) {
        std::uniform_int_distribution<int> channel(low, high);
        return cv::Scalar(channel(random_), channel(random_), channel(random_));
    };
    const cv::Scalar boxColour = darkBox ? randomColour(0, 90) : randomColour(170, 255);
    cv::Scalar textColour = darkBox ? randomColour(190, 255) : randomColour(0, 70);
    if (unit(random_) < 0.25) { // a saturated accent colour
        textColour = darkBox ? cv::Scalar(40, 230, 255) : cv::Scalar(30, 30, 200);
    }
    const double boxOpacity =
        unit(random_) < 0.25 ? 0.0 : std::uniform_real_distribution<double>(0.55, 1.0)(random_);
    const int outline = (boxOpacity == 0.0 || unit(random_) < 0.15) ? std::max(1, inkHeight / 12) : 0;
    const cv::Scalar outlineColour = darkBox ? cv::Scalar(0, 0, 0) : cv::Scalar(255, 255, 255);
    if (boxOpacity == 0.0 && darkBox) {
        textColour = unit(random_) < 0.7 ? cv::Scalar(255, 255, 255) : cv::Scalar(60, 220, 255);
    }

    const int width = vertical ? fontHeight * 4 : 1600;
    int height = 0;
    for (const auto& line : lines) {
        height += vertical ? fontHeight * static_cast<int>(utf8Characters(line.front().text).size() + 2)
                           : fontHeight * 2;
    }
    cv::Mat layer(height + 2 * fontHeight, width, CV_8UC3, cv::Scalar::all(0));
    cv::Mat coverage(layer.size(), CV_8UC3, cv::Scalar::all(0));
    Widget widget;
    const auto draw = [&](Font& font, const std::string& text, cv::Point origin, cv::Mat* mask) {
        if (outline > 0) {
            for (int dy = -outline; dy <= outline; ++dy) {
                for (int dx = -outline; dx <= outline; ++dx) {
                    if (dx * dx + dy * dy <= outline * outline + 1) {
                        font.face->putText(layer, text, origin + cv::Point(dx, dy), fontHeight, outlineColour,
                                           -1, cv::LINE_AA, false);
                        font.face->putText(coverage, text, origin + cv::Point(dx, dy), fontHeight,
                                           cv::Scalar::all(255), -1, cv::LINE_AA, false);
                    }
                }
            }
        }
        font.face->putText(layer, text, origin, fontHeight, textColour, -1, cv::LINE_AA, false);
        font.face->putText(coverage, text, origin, fontHeight, cv::Scalar::all(255), -1, cv::LINE_AA, false);
        if (mask != nullptr) {
            cv::Mat own(layer.size(), CV_8UC3, cv::Scalar::all(0));
            font.face->putText(own, text, origin, fontHeight, cv::Scalar::all(255), -1, cv::LINE_AA, false);
            cv::Mat gray;
            cv::cvtColor(own, gray, cv::COLOR_BGR2GRAY);
            if (outline > 0) {
                cv::dilate(gray, gray,
                           cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * outline + 1, 2 * outline + 1}));
            }
            *mask = gray > 100;
        }
    };
    int y = fontHeight / 2;
    for (const auto& line : lines) {
        bool anyChinese = false;
        for (const TextSample& item : line) {
            anyChinese = anyChinese || !isAscii(item.text);
        }
        std::vector<std::size_t> usable;
        for (std::size_t i = 0; i < fonts_.size(); ++i) {
            if (fonts_[i].chinese || !(anyChinese || vertical)) {
                usable.push_back(i);
            }
        }
        Font& font = fonts_[usable[random_() % usable.size()]];
        if (vertical) {
            cv::Mat mask(layer.size(), CV_8UC1, cv::Scalar(0));
            int charY = y;
            for (const std::string& character : utf8Characters(line.front().text)) {
                cv::Mat charMask;
                draw(font, character, {fontHeight / 2, charY}, &charMask);
                mask |= charMask;
                charY += static_cast<int>(fontHeight * 1.1);
            }
            widget.items.push_back(line.front());
            widget.masks.push_back(mask);
            y = charY + fontHeight;
            continue;
        }
        int x = fontHeight / 2;
        for (const TextSample& item : line) {
            cv::Mat mask;
            draw(font, item.text, {x, y}, &mask);
            widget.items.push_back(item);
            widget.masks.push_back(mask);
            int baseline = 0;
            x += font.face->getTextSize(item.text, fontHeight, -1, &baseline).width +
                 std::uniform_int_distribution<int>(fontHeight, 3 * fontHeight)(random_);
        }
        y += static_cast<int>(fontHeight * std::uniform_real_distribution<double>(1.3, 1.8)(random_));
    }

    cv::Mat ink;
    cv::cvtColor(coverage, ink, cv::COLOR_BGR2GRAY);
    cv::Rect bounds = cv::boundingRect(ink > 0);
    const int pad = std::uniform_int_distribution<int>(inkHeight / 3 + 2, inkHeight + 6)(random_);
    bounds = cv::Rect(bounds.x - pad, bounds.y - pad, bounds.width + 2 * pad, bounds.height + 2 * pad) &
             cv::Rect(0, 0, layer.cols, layer.rows);

    cv::Mat textAlpha, textPremultiplied;
    ink.convertTo(textAlpha, CV_32F, 1.0 / 255);
    layer.convertTo(textPremultiplied, CV_32FC3, 1.0 / 255);
    cv::Mat boxAlpha(layer.size(), CV_32F, cv::Scalar(0));
    boxAlpha(bounds).setTo(boxOpacity);
    if (boxOpacity > 0 && unit(random_) < 0.3) { // a gradient box
        for (int row = bounds.y; row < bounds.y + bounds.height; ++row) {
            boxAlpha(cv::Rect(bounds.x, row, bounds.width, 1)) *=
                0.6 + 0.4 * (row - bounds.y) / std::max(1, bounds.height);
        }
    }
    cv::Mat boxLayer(layer.size(), CV_32FC3, boxColour / 255.0);
    cv::Mat boxAlpha3, textAlpha3;
    cv::cvtColor(boxAlpha, boxAlpha3, cv::COLOR_GRAY2BGR);
    cv::cvtColor(textAlpha, textAlpha3, cv::COLOR_GRAY2BGR);
    cv::Mat one3(layer.size(), CV_32FC3, cv::Scalar::all(1));
    widget.premultiplied = boxLayer.mul(boxAlpha3).mul(one3 - textAlpha3) + textPremultiplied;
    widget.alpha = boxAlpha.mul(1 - textAlpha) + textAlpha;
    widget.premultiplied = widget.premultiplied(bounds).clone();
    widget.alpha = widget.alpha(bounds).clone();
    for (cv::Mat& mask : widget.masks) {
        mask = mask(bounds).clone();
    }

    if (!vertical && unit(random_) < 0.3) { // rotated by up to 8 degrees
        const double angle =
            std::uniform_real_distribution<double>(0.5, 8.0)(random_) * (unit(random_) < 0.5 ? -1 : 1);
        const cv::Size size = widget.alpha.size();
        cv::Mat rotation = cv::getRotationMatrix2D(
            cv::Point2f(static_cast<float>(size.width) / 2, static_cast<float>(size.height) / 2), angle, 1.0);
        const cv::Rect2f rotated = cv::RotatedRect(cv::Point2f(static_cast<float>(size.width) / 2,
                                                               static_cast<float>(size.height) / 2),
                                                   cv::Size2f(size), static_cast<float>(-angle))
                                       .boundingRect2f();
        rotation.at<double>(0, 2) += rotated.width / 2.0 - size.width / 2.0;
        rotation.at<double>(1, 2) += rotated.height / 2.0 - size.height / 2.0;
        const cv::Size target(static_cast<int>(std::ceil(rotated.width)),
                              static_cast<int>(std::ceil(rotated.height)));
        cv::warpAffine(widget.premultiplied, widget.premultiplied, rotation, target, cv::INTER_CUBIC);
        cv::warpAffine(widget.alpha, widget.alpha, rotation, target, cv::INTER_CUBIC);
        for (cv::Mat& mask : widget.masks) {
            cv::warpAffine(mask, mask, rotation, target, cv::INTER_LINEAR);
            mask = mask > 100;
        }
    }
    return widget;
}

GeneratedFrame TextFrameGenerator::next(const std::string& name)
{
    std::uniform_real_distribution<double> unit(0, 1);
    const cv::Mat& source = backgrounds_[random_() % backgrounds_.size()];
    // A random crop of the photo scaled to cover 1280x720.
    const double zoom = std::uniform_real_distribution<double>(1.0, 1.4)(random_);
    const double cover = std::max(1280.0 / source.cols, 720.0 / source.rows) * zoom;
    cv::Mat scaled;
    cv::resize(source, scaled, cv::Size(), cover, cover, cv::INTER_AREA);
    const int left = std::uniform_int_distribution<int>(0, scaled.cols - 1280)(random_);
    const int top = std::uniform_int_distribution<int>(0, scaled.rows - 720)(random_);
    GeneratedFrame frame;
    frame.truth.file = name;
    cv::Mat canvas;
    scaled(cv::Rect(left, top, 1280, 720)).convertTo(canvas, CV_32FC3, 1.0 / 255);

    const bool violations = unit(random_) < 0.7;
    const int widgets = std::uniform_int_distribution<int>(1, 3)(random_);
    std::vector<cv::Rect> taken;
    bool anyViolation = false;
    for (int w = 0; w < widgets; ++w) {
        const bool vertical = unit(random_) < 0.12;
        std::vector<std::vector<TextSample>> lines;
        const int lineCount = vertical ? 1 : std::uniform_int_distribution<int>(1, 3)(random_);
        for (int l = 0; l < lineCount; ++l) {
            std::vector<TextSample> line;
            const int items = vertical ? 1 : (unit(random_) < 0.25 ? 2 : 1);
            for (int i = 0; i < items; ++i) {
                TextSample sample = samples_.makeAny(violations && unit(random_) < 0.7);
                if (vertical) {
                    // Vertical columns hold Chinese phrases without spaces.
                    for (int attempt = 0;
                         attempt < 20 && (isAscii(sample.text) || sample.text.find(' ') != std::string::npos);
                         ++attempt) {
                        sample = samples_.makeAny(violations && unit(random_) < 0.5);
                    }
                    if (isAscii(sample.text) || sample.text.find(' ') != std::string::npos) {
                        sample = {"negative_text", "现货速发", {}};
                    }
                }
                line.push_back(sample);
            }
            lines.push_back(line);
        }
        Widget widget = renderWidget(lines, vertical);
        const cv::Size size = widget.alpha.size();
        if (size.width > 1260 || size.height > 700) {
            continue;
        }
        cv::Rect place;
        for (int attempt = 0; attempt < 40; ++attempt) {
            const cv::Rect candidate(std::uniform_int_distribution<int>(0, 1280 - size.width)(random_),
                                     std::uniform_int_distribution<int>(0, 720 - size.height)(random_),
                                     size.width, size.height);
            if (std::none_of(taken.begin(), taken.end(),
                             [&](const cv::Rect& r) { return (r & candidate).area() > 0; })) {
                place = candidate;
                break;
            }
        }
        if (place.empty()) {
            continue;
        }
        taken.push_back(place);
        cv::Mat alpha3;
        cv::cvtColor(widget.alpha, alpha3, cv::COLOR_GRAY2BGR);
        cv::Mat region = canvas(place);
        region = region.mul(cv::Scalar::all(1) - alpha3) + widget.premultiplied;
        for (std::size_t i = 0; i < widget.items.size(); ++i) {
            const cv::Rect box = cv::boundingRect(widget.masks[i]);
            if (box.empty()) {
                continue;
            }
            TruthItem item;
            item.category = widget.items[i].category;
            item.text = widget.items[i].text;
            item.alsoMatches = widget.items[i].alsoMatches;
            item.box = box + place.tl();
            anyViolation = anyViolation || (item.category.rfind("negative", 0) != 0);
            frame.truth.items.push_back(item);
        }
    }
    frame.truth.hasViolation = anyViolation;
    canvas.convertTo(frame.bgr, CV_8UC3, 255.0);
    if (unit(random_) < 0.3) {
        cv::GaussianBlur(frame.bgr, frame.bgr, {0, 0},
                         std::uniform_real_distribution<double>(0.5, 1.0)(random_));
    }
    const int quality = unit(random_) < 0.15 ? std::uniform_int_distribution<int>(30, 50)(random_) : 90;
    std::vector<std::uint8_t> encoded;
    cv::imencode(".jpg", frame.bgr, encoded, {cv::IMWRITE_JPEG_QUALITY, quality});
    frame.bgr = cv::imdecode(encoded, cv::IMREAD_COLOR);
    return frame;
}

GeneratedFrame TextFrameGenerator::single(const cv::Mat& background, const TextSample& sample, int textHeight,
                                          bool chineseFont, cv::Point origin)
{
    GeneratedFrame frame;
    cv::resize(background, frame.bgr, cv::Size(1280, 720), 0, 0, cv::INTER_AREA);
    const int fontHeight = static_cast<int>(textHeight * 1.3);
    Font& font = fonts_[chineseFont ? 5 : 0];
    int baseline = 0;
    const cv::Size size = font.face->getTextSize(sample.text, fontHeight, -1, &baseline);
    cv::rectangle(frame.bgr,
                  cv::Rect(origin.x - 20, origin.y - 20, size.width + 40, size.height + baseline + 40),
                  cv::Scalar(40, 40, 40), cv::FILLED);
    cv::Mat own(frame.bgr.size(), CV_8UC3, cv::Scalar::all(0));
    font.face->putText(frame.bgr, sample.text, origin, fontHeight, cv::Scalar(255, 255, 255), -1, cv::LINE_AA,
                       false);
    font.face->putText(own, sample.text, origin, fontHeight, cv::Scalar::all(255), -1, cv::LINE_AA, false);
    cv::Mat gray;
    cv::cvtColor(own, gray, cv::COLOR_BGR2GRAY);
    TruthItem item{sample.category, sample.text, cv::boundingRect(gray > 100), sample.alsoMatches};
    frame.truth.items.push_back(item);
    frame.truth.hasViolation = sample.category.rfind("negative", 0) != 0;
    return frame;
}

} // namespace cg::textcorpus
