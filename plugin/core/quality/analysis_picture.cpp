#include "core/quality/analysis_picture.hpp"

namespace cg::quality {

cv::Mat analysisGray(const Frame& frame, int width)
{
    return frame.grayScaledTo(width);
}

} // namespace cg::quality
