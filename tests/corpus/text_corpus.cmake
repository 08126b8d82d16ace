# On-screen text (OCR) over ../shared/corpus/text and over generated frames (label "corpus");
# cg_text_eval prints the same tables for any settings (how the detector's defaults were chosen).
find_package(OpenCV 4 REQUIRED COMPONENTS freetype)
add_library(cg_text_corpus STATIC text_corpus.cpp text_frames.cpp text_evaluation.cpp)
target_include_directories(cg_text_corpus PUBLIC "${PROJECT_SOURCE_DIR}/tests")
target_link_libraries(cg_text_corpus PUBLIC cg_core opencv_freetype nlohmann_json::nlohmann_json PRIVATE cg_warnings)
target_compile_definitions(cg_text_corpus PRIVATE CG_SOURCE_DIR="${PROJECT_SOURCE_DIR}" CG_SHARED_DIR="${CG_SHARED_DIR}")
cg_add_test(cg_corpus_text SOURCES test_text_corpus.cpp LABELS corpus LIBRARIES cg_text_corpus)
add_executable(cg_text_eval text_eval.cpp)
target_link_libraries(cg_text_eval PRIVATE cg_text_corpus cg_warnings)
target_compile_definitions(cg_text_eval PRIVATE CG_SHARED_DIR="${CG_SHARED_DIR}")
