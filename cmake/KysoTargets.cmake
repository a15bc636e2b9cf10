# One helper declares every kyso library, executable and test the same way (after Abseil's
# AbseilHelpers): C++20, the same warnings, OPENSSL_API_COMPAT=30000, and the sanitizers per target
# when KYSO_SANITIZE is on. Nothing here sets global flags.
#
#   kyso_library(NAME kyso_x SOURCES a.cpp ... [DEPS target...] [PRIVATE_DEPS target...])
#   kyso_executable(NAME kyso SOURCES main.cpp ... [DEPS ...])
#   kyso_module(NAME kyso_mod_x FILE kyso-x SOURCES a.cpp ... [DEPS target...])
#   kyso_test(NAME x_test SOURCES x_test.cpp ... [DEPS ...] [LABELS ...] [TIMEOUT s]
#             [FIXTURES fixture...] [ENVIRONMENT VAR=value...])

function(_kyso_common_options target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_definitions(${target} PRIVATE OPENSSL_API_COMPAT=30000 OPENSSL_NO_DEPRECATED)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wformat=2 -Wimplicit-fallthrough)
  if(KYSO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(KYSO_SANITIZE)
    # GCC 12's -Wmaybe-uninitialized gives false positives inside std::variant and std::optional
    # once ASan instruments the code (GCC bug 105562 and friends); the Release build keeps that
    # warning as an error, so only the sanitizer build turns it off.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined
                                             $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

function(kyso_library)
  cmake_parse_arguments(K "" "NAME" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${K_NAME} STATIC ${K_SOURCES})
  target_include_directories(${K_NAME} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${K_NAME} PUBLIC ${K_DEPS} PRIVATE ${K_PRIVATE_DEPS})
  set_target_properties(${K_NAME} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  _kyso_common_options(${K_NAME})
endfunction()

# A module: a shared object loaded on demand with kyso::modules::loadApi (core/module_loader.h)
# so that the executables do not load its heavy third-party libraries at start-up. Built as
# ${PROJECT_BINARY_DIR}/lib/kyso/<FILE>.so (the loader looks in <bin>/../lib/kyso). Only the entry
# function marked KYSO_MODULE_EXPORT is exported; the static kyso libraries it links stay private
# to it. The library that loads a module should add_dependencies() on it so that every program
# linking that library gets the module built.
function(kyso_module)
  cmake_parse_arguments(K "" "NAME;FILE" "SOURCES;DEPS" ${ARGN})
  # module_log_entry.cpp: the program that loads the module gives it its logger (core/log.h).
  add_library(${K_NAME} MODULE ${K_SOURCES} ${PROJECT_SOURCE_DIR}/core/module_log_entry.cpp)
  target_include_directories(${K_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(${K_NAME} PRIVATE ${K_DEPS})
  set_target_properties(${K_NAME} PROPERTIES PREFIX "" OUTPUT_NAME ${K_FILE} SUFFIX ".so"
                        LIBRARY_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/lib/kyso
                        CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  target_link_options(${K_NAME} PRIVATE -Wl,--as-needed -Wl,--exclude-libs,ALL)
  if(NOT K_NAME MATCHES "^kyso_test_")
    install(TARGETS ${K_NAME} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/kyso)
  endif()
  if(NOT KYSO_SANITIZE)
    target_link_options(${K_NAME} PRIVATE -Wl,--no-undefined)
  endif()
  _kyso_common_options(${K_NAME})
endfunction()

function(kyso_executable)
  cmake_parse_arguments(K "" "NAME;OUTPUT_NAME" "SOURCES;DEPS" ${ARGN})
  add_executable(${K_NAME} ${K_SOURCES})
  target_link_libraries(${K_NAME} PRIVATE ${K_DEPS})
  # Load only the shared libraries the program really uses: start-up time is measured.
  target_link_options(${K_NAME} PRIVATE -Wl,--as-needed)
  if(K_OUTPUT_NAME)
    set_target_properties(${K_NAME} PROPERTIES OUTPUT_NAME ${K_OUTPUT_NAME})
  endif()
  set_target_properties(${K_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/bin)
  _kyso_common_options(${K_NAME})
endfunction()

function(kyso_test)
  cmake_parse_arguments(K "" "NAME;TIMEOUT" "SOURCES;DEPS;LABELS;FIXTURES;ENVIRONMENT" ${ARGN})
  add_executable(${K_NAME} ${K_SOURCES})
  target_link_libraries(${K_NAME} PRIVATE ${K_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  set_target_properties(${K_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  _kyso_common_options(${K_NAME})
  add_test(NAME ${K_NAME} COMMAND ${K_NAME} --gtest_color=no)
  if(NOT K_TIMEOUT)
    set(K_TIMEOUT 600)
  endif()
  set(_env "KYSO_SOURCE_DIR=${PROJECT_SOURCE_DIR}" "KYSO_BINARY_DIR=${PROJECT_BINARY_DIR}"
           "KYSO_BIN=${PROJECT_BINARY_DIR}/bin"
           "KYSO_TEST_PKI=${KYSO_TEST_PKI_DIR}" "KYSO_TEST_PORT_BASE=${KYSO_TEST_PORT_BASE}"
           "KYSO_SHARED_DIR=${PROJECT_SOURCE_DIR}/../shared"
           # Caches and settings of the build tree, never of the person running the tests: a CRL
           # or issuer cached by another build's PKI under the same address would be met here.
           "XDG_DATA_HOME=${PROJECT_BINARY_DIR}/test-home/data"
           "XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/test-home/config"
           "XDG_CACHE_HOME=${PROJECT_BINARY_DIR}/test-home/cache"
           # and never the machine's settings (/etc/kyso/config.ini) either
           "KYSO_SYSTEM_CONFIG=${PROJECT_BINARY_DIR}/test-home/etc/kyso/config.ini")
  if(KYSO_SANITIZE)
    # SoftHSM and other third-party modules leak on purpose at exit; our own leaks are still reported
    # through the suppressions file.
    list(APPEND _env "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0"
                     "ASAN_OPTIONS=detect_odr_violation=0:abort_on_error=0")
  endif()
  list(APPEND _env ${K_ENVIRONMENT})  # last: a test's own value wins
  set_tests_properties(${K_NAME} PROPERTIES TIMEOUT ${K_TIMEOUT} LABELS "${K_LABELS}"
                                            ENVIRONMENT "${_env}")
  if(K_FIXTURES)
    set_tests_properties(${K_NAME} PROPERTIES FIXTURES_REQUIRED "${K_FIXTURES}")
  endif()
endfunction()
