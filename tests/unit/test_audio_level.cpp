#include "core/audio_level.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <numbers>
#include <vector>

namespace cg {
namespace {

std::vector<float> sine(float amplitude, std::size_t count)
{
    std::vector<float> samples(count);
    for (std::size_t i = 0; i < count; ++i)
        samples[i] = amplitude *
                     std::sin(2.0f * std::numbers::pi_v<float> * 440.0f * static_cast<float>(i) / 48000.0f);
    return samples;
}

TEST(AudioLevelMeter, MeasuresRmsInDbfsAndStartsANewWindow)
{
    AudioLevelMeter meter;
    const std::vector<float> tone = sine(1.0f, 48000); // full-scale sine: RMS -3.01 dBFS
    meter.addSamples(tone.data(), tone.size());
    const AudioLevelMeter::Window window = meter.takeWindow();
    EXPECT_NEAR(window.rmsDb, -3.01, 0.05);
    EXPECT_EQ(window.samples, 48000u);
    const AudioLevelMeter::Window empty = meter.takeWindow(-120.0);
    EXPECT_EQ(empty.samples, 0u);
    EXPECT_EQ(empty.rmsDb, -120.0);
}

TEST(SilenceResult, QuietProgramAudioIsASilenceDetection)
{
    AudioLevelMeter meter;
    const std::vector<float> hiss = sine(0.001f, 4800); // about -63 dBFS
    meter.addSamples(hiss.data(), hiss.size());
    const AnalysisResult quiet = silenceResult(meter.takeWindow(), {});
    EXPECT_EQ(quiet.categoriesChecked, std::vector<std::string>{kSilenceCategory});
    ASSERT_EQ(quiet.detections.size(), 1u);
    EXPECT_EQ(quiet.detections[0].label, "-63 dBFS");

    const std::vector<float> speech = sine(0.1f, 4800); // about -23 dBFS
    meter.addSamples(speech.data(), speech.size());
    EXPECT_TRUE(silenceResult(meter.takeWindow(), {}).detections.empty());
}

TEST(SilenceResult, NoAudioAtAllCountsAsSilence)
{
    AudioLevelMeter meter;
    EXPECT_EQ(silenceResult(meter.takeWindow(), {}).detections.size(), 1u);
}

} // namespace
} // namespace cg
