# Toolchain for the web build: finds Emscripten (Debian's package, or an emsdk via $EMSDK) and
# applies the fixes these machines need (see shared notes / README):
#  - Debian's emcc runs node scripts (acorn) that Node.js from another vendor only finds through
#    NODE_PATH=/usr/share/nodejs, so every compile and link goes through `env NODE_PATH=...`.
#  - emcmake's CROSSCOMPILING_EMULATOR flag is rejected by node 20: we never run wasm via CTest.
set(_dv_emscripten_roots "$ENV{EMSDK}/upstream/emscripten" "$ENV{EMSCRIPTEN}" "/usr/share/emscripten")
foreach(_root IN LISTS _dv_emscripten_roots)
    if(_root AND EXISTS "${_root}/cmake/Modules/Platform/Emscripten.cmake")
        set(DV_EMSCRIPTEN_ROOT "${_root}")
        break()
    endif()
endforeach()
if(NOT DV_EMSCRIPTEN_ROOT)
    message(FATAL_ERROR "Emscripten not found: run scripts/setup.sh (installs Debian's emscripten)")
endif()

include("${DV_EMSCRIPTEN_ROOT}/cmake/Modules/Platform/Emscripten.cmake")

set(_dv_node_path "/usr/share/nodejs")
if(DEFINED ENV{NODE_PATH})
    set(_dv_node_path "$ENV{NODE_PATH}:${_dv_node_path}")
endif()
set(CMAKE_C_COMPILER_LAUNCHER /usr/bin/env "NODE_PATH=${_dv_node_path}" CACHE STRING "" FORCE)
set(CMAKE_CXX_COMPILER_LAUNCHER /usr/bin/env "NODE_PATH=${_dv_node_path}" CACHE STRING "" FORCE)
set(CMAKE_C_LINKER_LAUNCHER /usr/bin/env "NODE_PATH=${_dv_node_path}" CACHE STRING "" FORCE)
set(CMAKE_CXX_LINKER_LAUNCHER /usr/bin/env "NODE_PATH=${_dv_node_path}" CACHE STRING "" FORCE)
set(ENV{NODE_PATH} "${_dv_node_path}")
unset(CMAKE_CROSSCOMPILING_EMULATOR CACHE)
set(CMAKE_CROSSCOMPILING_EMULATOR "")
