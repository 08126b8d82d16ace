# Logo detector evaluation: the corpus composites (label "corpus"), the generated tuning set, and the
# survey that compared the candidate methods (cg_logo_method_survey; README in plugin/core/logos).
add_library(cg_logo_corpus STATIC logo_evaluation.cpp logo_orb_baseline.cpp ../unit/logos/logo_scenes.cpp)
target_include_directories(cg_logo_corpus PUBLIC "${PROJECT_SOURCE_DIR}/tests")
target_link_libraries(cg_logo_corpus PUBLIC cg_core PRIVATE cg_warnings)
target_compile_definitions(cg_logo_corpus PUBLIC CG_SOURCE_DIR="${PROJECT_SOURCE_DIR}" CG_SHARED_DIR="${CG_SHARED_DIR}")
cg_add_test(cg_corpus_logos SOURCES test_logo_corpus.cpp LABELS corpus LIBRARIES cg_logo_corpus)
add_executable(cg_logo_method_survey logo_method_survey.cpp)
target_link_libraries(cg_logo_method_survey PRIVATE cg_logo_corpus cg_warnings)
