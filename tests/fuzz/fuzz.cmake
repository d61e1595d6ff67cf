# The libFuzzer targets (FLASHPLAN_FUZZ, clang): each links libFuzzer over the sanitized core and
# is a ctest test (label fuzz) that runs it with a fixed seed for a fixed number of inputs (about
# 20 s each here) on a scratch copy of its seed corpus (tests/fuzz/corpus/<target>/; new inputs
# never land in the source tree) and fails on a finding.
set(FLASHPLAN_FUZZ_SECONDS 90 CACHE STRING "The most a fuzz test may run on a slow machine")
# What the targets that need a project share (a seeded in-memory project, a scratch file).
add_library(flashplan_fuzzproject STATIC ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzzproject.cpp)
target_link_libraries(flashplan_fuzzproject PUBLIC flashplan_core PRIVATE flashplan_warnings)
target_include_directories(flashplan_fuzzproject PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})

function(flashplan_fuzz_target name runs)
  add_executable(fuzz_${name} ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/fuzz_${name}.cpp)
  target_link_libraries(fuzz_${name} PRIVATE flashplan_fuzzproject flashplan_warnings)
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
  add_test(NAME fuzz.${name}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run-fuzz-target.sh $<TARGET_FILE:fuzz_${name}>
                   ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${name} ${runs} ${FLASHPLAN_FUZZ_SECONDS}
           WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
  set_tests_properties(fuzz.${name} PROPERTIES LABELS fuzz ${FLASHPLAN_SANITIZER_ENV})
endfunction()

# Inputs per test: about 20 s each on the machine in bench/RESULTS.md (imports are slow to fuzz).
flashplan_fuzz_target(csvreader 2000)
flashplan_fuzz_target(salesimport 500)
flashplan_fuzz_target(campaign 2000)
flashplan_fuzz_target(pricetable 2000)
flashplan_fuzz_target(modelblob 100000)
