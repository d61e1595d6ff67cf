# The libFuzzer targets (FLASHPLAN_FUZZ, clang): each links libFuzzer over the sanitized core and
# is a ctest test (label fuzz) that runs it for a fixed time on a scratch copy of its seed corpus
# (tests/fuzz/corpus/<target>/; new inputs never land in the source tree) and fails on a finding.
set(FLASHPLAN_FUZZ_SECONDS 20 CACHE STRING "How long each fuzz target runs as a test")
# What the targets that need a project share (a seeded in-memory project, a scratch file).
add_library(flashplan_fuzzproject STATIC ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzzproject.cpp)
target_link_libraries(flashplan_fuzzproject PUBLIC flashplan_core PRIVATE flashplan_warnings)
target_include_directories(flashplan_fuzzproject PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})

function(flashplan_fuzz_target name)
  add_executable(fuzz_${name} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${name}.cpp)
  target_link_libraries(fuzz_${name} PRIVATE flashplan_fuzzproject flashplan_warnings)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  add_test(NAME fuzz.${name}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run-fuzz-target.sh $<TARGET_FILE:fuzz_${name}>
                   ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${name} ${FLASHPLAN_FUZZ_SECONDS}
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz ${FLASHPLAN_SANITIZER_ENV})
endfunction()

flashplan_fuzz_target(csvreader)
flashplan_fuzz_target(salesimport)
flashplan_fuzz_target(campaign)
flashplan_fuzz_target(pricetable)
flashplan_fuzz_target(modelblob)
