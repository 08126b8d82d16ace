#pragma once

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include <memory>
#include <string>
#include <vector>

namespace tesseract {
class TessBaseAPI;
}

namespace cg {

// One line of recognised text with, for every byte of `text`, the box of the glyph it belongs to
// in the coordinates of the picture that was read (spaces get the gap between their neighbours).
struct OcrLine {
    std::string text;
    std::vector<cv::Rect> byteBoxes;
    float confidence = 0; // 0..1, mean over the line's words
};

struct TesseractSettings {
    std::string tessdataPath = "/usr/share/tesseract-ocr/5/tessdata";
    // Chinese first: with English first, Chinese glyphs next to Latin ones are read as Latin ("QQ号" as
    // "QQ5"); the Chinese model reads Latin letters and digits as well.
    std::string languages = "chi_sim+eng";
    // Words below this confidence (0..100) are left out, and lines whose words average below
    // minLineConfidence: textures read as text score low. Single words of real lines often score
    // low too ("lily554@qq.com" at 25), so words are kept by default and lines judged as a whole.
    float minWordConfidence = 0;
    float minLineConfidence = 45;
    // Lines below this confidence must hold at least `minCharactersOfUnsureLine` letters, digits or
    // ideographs: what a texture reads as is short ("a4", "ai do"), a small Kai-font line is not.
    float sureLineConfidence = 60;
    int minCharactersOfUnsureLine = 6;
};

// Tesseract 5 (LSTM), initialised once; one instance per thread.
class TesseractReader {
  public:
    // Throws std::runtime_error naming the missing .traineddata file or the failed initialisation.
    explicit TesseractReader(TesseractSettings settings = {});
    ~TesseractReader();
    TesseractReader(const TesseractReader&) = delete;
    TesseractReader& operator=(const TesseractReader&) = delete;

    enum class Layout {
        SingleLine, // page segmentation mode 7: the picture is one line
        Block,      // mode 6: one block of lines
        SparseText  // mode 11: text anywhere, Tesseract's own layout analysis (a whole frame)
    };
    // Reads an 8-bit gray picture; lines are expected dark on a light background.
    std::vector<OcrLine> read(const cv::Mat& gray, Layout layout);

    [[nodiscard]] const TesseractSettings& settings() const { return settings_; }

  private:
    TesseractSettings settings_;
    std::unique_ptr<tesseract::TessBaseAPI> api_;
};

} // namespace cg
