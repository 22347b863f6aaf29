// Catch2's main lives alone: compiling it beside test code (and nlohmann) is slow.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
