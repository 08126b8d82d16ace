#pragma once

#include "core/audio_level.hpp"

namespace cg::obs {

// Feeds the program mix (output mix 0, what the stream carries) into the meter; the audio thread
// only adds up samples.
void startProgramAudioTap(AudioLevelMeter* meter);
void stopProgramAudioTap();

} // namespace cg::obs
