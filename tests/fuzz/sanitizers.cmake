# FLASHPLAN_FUZZ: the sanitizer build (tests.sh's second tree, build/sanitize). Included by the
# top-level CMakeLists.txt before any target, so everything is compiled alike: ASan + UBSan at -O1
# with frame pointers, any finding fatal, and libFuzzer's coverage hooks (fuzzer-no-link). Tests
# and programs link the sanitizer runtimes; only the fuzz targets link libFuzzer (fuzz.cmake), so
# core is compiled once for both.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "FLASHPLAN_FUZZ needs clang++ (libFuzzer): configure with "
                      "-DCMAKE_CXX_COMPILER=clang++")
endif()
if(FLASHPLAN_BUILD_GUI)
  message(FATAL_ERROR "FLASHPLAN_FUZZ builds core, the CLI and their tests: add -DFLASHPLAN_BUILD_GUI=OFF")
endif()
set(FLASHPLAN_SANITIZERS -fsanitize=address,undefined -fno-sanitize-recover=all)
add_compile_options(-O1 -g -fno-omit-frame-pointer ${FLASHPLAN_SANITIZERS} -fsanitize=fuzzer-no-link)
add_link_options(${FLASHPLAN_SANITIZERS})
# What every sanitized test runs with: stop at the first finding, leaks included, with a stack.
# Test properties, each one value without a ';' (gtest_discover_tests flattens lists).
set(FLASHPLAN_SANITIZER_ENV ENVIRONMENT "ASAN_OPTIONS=halt_on_error=1:detect_leaks=1"
    ENVIRONMENT_MODIFICATION "UBSAN_OPTIONS=set:halt_on_error=1:print_stacktrace=1")
