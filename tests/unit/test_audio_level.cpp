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

// One second of program audio in 1024-sample blocks, as the audio thread hands them in: a voice
// talks in bursts (loud blocks with pauses between words), background music or room noise is steady.
AudioLevelMeter::Window secondOf(AudioLevelMeter& meter, float loudAmplitude, int loudBlocksOfEvery5,
                                 float quietAmplitude)
{
    for (int block = 0; block < 47; ++block) {
        const bool loud = block % 5 < loudBlocksOfEvery5;
        const std::vector<float> samples = sine(loud ? loudAmplitude : quietAmplitude, 1024);
        meter.addSamples(samples.data(), samples.size());
    }
    return meter.takeWindow();
}

TEST(SpeechResult, TalkingInBurstsIsSpeechAndQuietRoomNoiseIsNot)
{
    AudioLevelMeter meter;
    const AudioLevelMeter::Window talking = secondOf(meter, 0.1f, 3, 0.001f); // -23 dBFS words, -63 pauses
    EXPECT_EQ(talking.blocks, 47u);
    EXPECT_GT(talking.speechBlocks, 20u);
    EXPECT_TRUE(speechResult(talking, {}).detections.empty());

    const AudioLevelMeter::Window room = secondOf(meter, 0.002f, 5, 0.002f); // -57 dBFS hum
    EXPECT_EQ(room.speechBlocks, 0u);
    const AnalysisResult quiet = speechResult(room, {});
    EXPECT_EQ(quiet.categoriesChecked, std::vector<std::string>{kNoSpeechCategory});
    ASSERT_EQ(quiet.detections.size(), 1u);
    EXPECT_EQ(quiet.detections[0].detail, "0% of the last second at speech level (-40 dBFS)");
}

TEST(SpeechResult, OneShortSoundInASecondIsNotSpeaking)
{
    AudioLevelMeter meter;
    // A single 20-ms click among silence: 1 block of 47, under the 10% a speaking second has.
    for (int block = 0; block < 47; ++block) {
        const std::vector<float> samples = sine(block == 20 ? 0.5f : 0.0f, 1024);
        meter.addSamples(samples.data(), samples.size());
    }
    EXPECT_EQ(speechResult(meter.takeWindow(), {}).detections.size(), 1u);
}

TEST(SpeechResult, TheSpeechLevelIsASetting)
{
    AudioLevelMeter meter;
    meter.setSpeechLevel(-60.0);
    const AudioLevelMeter::Window room = secondOf(meter, 0.002f, 5, 0.002f); // -57 dBFS is speech now
    EXPECT_EQ(room.speechBlocks, 47u);
    EXPECT_TRUE(speechResult(room, {-60.0, 0.1}).detections.empty());
}

} // namespace
} // namespace cg
