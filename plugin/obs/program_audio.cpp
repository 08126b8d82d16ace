#include "obs/program_audio.hpp"

#include <obs.h>

namespace cg::obs {

namespace {

constexpr size_t programMix = 0;

void onProgramAudio(void* param, size_t, audio_data* data) noexcept
{
    auto* meter = static_cast<AudioLevelMeter*>(param);
    // With no conversion requested the mix arrives as planar float, one plane per channel.
    const audio_output_info* info = audio_output_get_info(obs_get_audio());
    const size_t channels = info ? get_audio_channels(info->speakers) : 0;
    for (size_t channel = 0; channel < channels && channel < MAX_AV_PLANES; ++channel)
        if (data->data[channel] != nullptr)
            meter->addSamples(reinterpret_cast<const float*>(data->data[channel]), data->frames);
}

AudioLevelMeter* tapped = nullptr;

} // namespace

void startProgramAudioTap(AudioLevelMeter* meter)
{
    tapped = meter;
    obs_add_raw_audio_callback(programMix, nullptr, onProgramAudio, meter);
}

void stopProgramAudioTap()
{
    if (tapped != nullptr)
        obs_remove_raw_audio_callback(programMix, onProgramAudio, tapped);
    tapped = nullptr;
}

} // namespace cg::obs
