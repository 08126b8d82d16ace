#include "core/text/tesseract_reader.hpp"

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace cg {

namespace {

std::vector<std::string> languageList(const std::string& languages)
{
    std::vector<std::string> list;
    std::string_view rest = languages;
    while (!rest.empty()) {
        const std::size_t plus = rest.find('+');
        list.emplace_back(rest.substr(0, plus));
        rest = plus == std::string_view::npos ? std::string_view{} : rest.substr(plus + 1);
    }
    return list;
}

// Han ideographs and CJK punctuation: words made of them are written without spaces between them.
bool startsWithCjk(std::string_view utf8)
{
    if (utf8.size() < 3) {
        return false;
    }
    const auto lead = static_cast<unsigned char>(utf8[0]);
    const auto second = static_cast<unsigned char>(utf8[1]);
    const unsigned codePoint =
        ((lead & 0x0Fu) << 12) | ((second & 0x3Fu) << 6) | (static_cast<unsigned char>(utf8[2]) & 0x3Fu);
    return (lead & 0xF0u) == 0xE0u &&
           ((codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0x4E00 && codePoint <= 0x9FFF) ||
            (codePoint >= 0xFF00 && codePoint <= 0xFFEF));
}

bool endsWithCjk(std::string_view utf8)
{
    std::size_t start = utf8.size();
    while (start > 0 && (static_cast<unsigned char>(utf8[start - 1]) & 0xC0u) == 0x80u) {
        --start;
    }
    return start > 0 && startsWithCjk(utf8.substr(start - 1));
}

// Letters, digits and ideographs (each multi-byte UTF-8 character counts once).
int countCharacters(std::string_view text)
{
    int count = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        count += (std::isalnum(byte) != 0 || byte >= 0xE0) ? 1 : 0;
    }
    return count;
}

struct Word {
    std::string text;
    std::vector<cv::Rect> byteBoxes;
    cv::Rect box;
    float confidence = 0;
};

// Tesseract splits Chinese into one word per character and breaks words where Latin meets Chinese
// ("QQ号"), so next to Chinese a space is written only where the glyphs leave a gap; between Latin
// words its own word breaks stand.
void appendWord(OcrLine& line, const Word& word, float& confidenceSum, int& words)
{
    if (!line.text.empty()) {
        const cv::Rect previous = line.byteBoxes.back();
        const int left = previous.x + previous.width;
        const int gap = word.box.x - left;
        const int height = std::max(previous.height, word.box.height);
        const bool chineseBefore = endsWithCjk(line.text);
        const bool chineseAfter = startsWithCjk(word.text);
        // Tesseract also breaks addresses before a dot ("shop@163 .com") and after an '@'.
        const bool insideAddress = line.text.back() == '@' || line.text.back() == '.' ||
                                   (word.text.size() > 1 && word.text[0] == '.' &&
                                    std::isalpha(static_cast<unsigned char>(word.text[1])) != 0);
        const bool spaced = insideAddress                     ? false
                            : (chineseBefore && chineseAfter) ? gap > height
                            : (chineseBefore || chineseAfter) ? gap * 10 > height * 3
                                                              : true;
        if (spaced) {
            line.text.push_back(' ');
            line.byteBoxes.emplace_back(left, word.box.y, std::max(1, gap), word.box.height);
        }
    }
    line.text += word.text;
    line.byteBoxes.insert(line.byteBoxes.end(), word.byteBoxes.begin(), word.byteBoxes.end());
    confidenceSum += word.confidence;
    ++words;
}

} // namespace

TesseractReader::TesseractReader(TesseractSettings settings) : settings_(std::move(settings))
{
    for (const std::string& language : languageList(settings_.languages)) {
        const std::filesystem::path file =
            std::filesystem::path(settings_.tessdataPath) / (language + ".traineddata");
        if (!std::filesystem::exists(file)) {
            throw std::runtime_error("OCR language data missing: " + file.string());
        }
    }
    api_ = std::make_unique<tesseract::TessBaseAPI>();
    if (api_->Init(settings_.tessdataPath.c_str(), settings_.languages.c_str(), tesseract::OEM_LSTM_ONLY) !=
        0) {
        throw std::runtime_error("Tesseract could not load " + settings_.languages + " from " +
                                 settings_.tessdataPath);
    }
    api_->SetVariable("debug_file", "/dev/null");
    // The caller hands over dark-on-light text; Tesseract's own retry on the inverted line would
    // double the cost of every line it is unsure of.
    api_->SetVariable("tessedit_do_invert", "0");
}

TesseractReader::~TesseractReader()
{
    if (api_) {
        api_->End();
    }
}

std::vector<OcrLine> TesseractReader::read(const cv::Mat& gray, Layout layout)
{
    CV_Assert(gray.type() == CV_8UC1);
    // Tesseract's LSTM asks OpenMP for several threads (num_threads clauses, which
    // omp_set_num_threads cannot lower); on a shared 2-core machine their spinning cost 3-6 times the
    // CPU of reading on one thread (tests/bench/bench_text.cpp). No active parallel levels on this
    // thread makes those regions run on it alone.
    omp_set_max_active_levels(0);
    api_->SetPageSegMode(layout == Layout::SingleLine ? tesseract::PSM_SINGLE_LINE
                         : layout == Layout::Block    ? tesseract::PSM_SINGLE_BLOCK
                                                      : tesseract::PSM_SPARSE_TEXT);
    api_->SetImage(gray.data, gray.cols, gray.rows, 1, static_cast<int>(gray.step));
    api_->SetSourceResolution(300);
    std::vector<OcrLine> lines;
    if (api_->Recognize(nullptr) != 0) {
        return lines;
    }
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (!it) {
        return lines;
    }
    OcrLine line;
    float confidenceSum = 0;
    int words = 0;
    const auto finishLine = [&] {
        if (!line.text.empty()) {
            line.confidence = confidenceSum / static_cast<float>(words) / 100.0f;
            const float confidence = line.confidence * 100.0f;
            if (confidence >= settings_.minLineConfidence &&
                (confidence >= settings_.sureLineConfidence ||
                 countCharacters(line.text) >= settings_.minCharactersOfUnsureLine)) {
                lines.push_back(std::move(line));
            }
        }
        line = {};
        confidenceSum = 0;
        words = 0;
    };
    do {
        if (it->Empty(tesseract::RIL_WORD)) {
            continue;
        }
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
            finishLine();
        }
        Word word;
        word.confidence = it->Confidence(tesseract::RIL_WORD);
        int left = 0, top = 0, right = 0, bottom = 0;
        it->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
        word.box = cv::Rect(left, top, right - left, bottom - top);
        // Walk the word's symbols to give every byte its glyph box.
        do {
            const std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
            if (symbol) {
                it->BoundingBox(tesseract::RIL_SYMBOL, &left, &top, &right, &bottom);
                const std::string_view bytes(symbol.get());
                word.text += bytes;
                word.byteBoxes.insert(word.byteBoxes.end(), bytes.size(),
                                      cv::Rect(left, top, right - left, bottom - top));
            }
        } while (!it->IsAtFinalElement(tesseract::RIL_WORD, tesseract::RIL_SYMBOL) &&
                 it->Next(tesseract::RIL_SYMBOL));
        if (word.confidence >= settings_.minWordConfidence && !word.text.empty()) {
            appendWord(line, word, confidenceSum, words);
        }
    } while (it->Next(tesseract::RIL_SYMBOL));
    finishLine();
    return lines;
}

} // namespace cg
