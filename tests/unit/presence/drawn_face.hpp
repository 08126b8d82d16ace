#pragma once

#include <opencv2/core/mat.hpp>

namespace cg::test {

// A schematic face (skin oval, hair, brows, eyes, nose, mouth) that OpenCV's LBP frontal cascade
// finds, drawn on a gray picture: lets unit tests run the real detector without photos.
struct FaceLook {
    int skin = 190;
    int hair = 40;
    double eyeSpacing = 0.35; // of the face radius
    double mouthWidth = 0.30;
};

void drawFace(cv::Mat& gray, cv::Point centre, int size, const FaceLook& look = {});
// The back of a head where the face was: a hair-coloured oval, as when the presenter turns round.
void drawBackOfHead(cv::Mat& gray, cv::Point centre, int size, int hair = 40);
// A plain background with fixed-seed noise, like a camera picture of an empty room.
cv::Mat emptyRoom(cv::Size size, unsigned seed = 7);

} // namespace cg::test
