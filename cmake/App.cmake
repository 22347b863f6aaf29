# The viewer: Dear ImGui (Debian sid source package in third_party/imgui) + src/ui + a platform layer.
set(DV_IMGUI_DIR "${DV_THIRD_PARTY}/imgui")
file(STRINGS "${DV_IMGUI_DIR}/imgui.h" _dv_imgui_version_line REGEX "^#define IMGUI_VERSION ")
if(NOT _dv_imgui_version_line MATCHES "\"1\\.92")
    message(FATAL_ERROR "Dear ImGui 1.92.x required (dynamic font atlas for Hangul); found: ${_dv_imgui_version_line}. Re-run scripts/setup.sh")
endif()

add_library(dv_imgui STATIC
    "${DV_IMGUI_DIR}/imgui.cpp"
    "${DV_IMGUI_DIR}/imgui_draw.cpp"
    "${DV_IMGUI_DIR}/imgui_tables.cpp"
    "${DV_IMGUI_DIR}/imgui_widgets.cpp"
    "${DV_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp"
    "${DV_IMGUI_DIR}/backends/imgui_impl_glfw.cpp"
    "${DV_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(dv_imgui PUBLIC "${DV_IMGUI_DIR}" "${DV_IMGUI_DIR}/backends" "${DV_IMGUI_DIR}/misc/cpp")
# 32-bit ImWchar: the digests hold math italic letters outside the BMP.
target_compile_definitions(dv_imgui PUBLIC IMGUI_USE_WCHAR32 IMGUI_DISABLE_OBSOLETE_FUNCTIONS)

file(GLOB DV_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/src/ui/*.cpp")
add_library(dv_ui STATIC ${DV_UI_SOURCES})
target_link_libraries(dv_ui PUBLIC dv_core dv_imgui PRIVATE dv_warnings)

set(DV_FONT_FILES
    "${DV_THIRD_PARTY}/fonts/NanumSquareR.ttf"
    "${DV_THIRD_PARTY}/fonts/NanumSquareB.ttf"
    "${DV_THIRD_PARTY}/fonts/DejaVuSans-Symbols.ttf"
    "${DV_THIRD_PARTY}/fonts/DejaVuMath-Letters.ttf")

if(EMSCRIPTEN)
    set(DV_SITE_DIR "${CMAKE_BINARY_DIR}/site")
    add_executable(digest-viewer src/platform/main_web.cpp src/platform/gl_frame.cpp)
    target_link_libraries(digest-viewer PRIVATE dv_ui dv_warnings)
    set_target_properties(digest-viewer PROPERTIES
        OUTPUT_NAME "digest-viewer"
        SUFFIX ".js"
        RUNTIME_OUTPUT_DIRECTORY "${DV_SITE_DIR}")
    # Fonts are preloaded into the in-memory FS at /fonts (one .data file, fetched with progress).
    set(_dv_font_stage "${CMAKE_BINARY_DIR}/fonts")
    file(MAKE_DIRECTORY "${_dv_font_stage}")
    foreach(f ${DV_FONT_FILES})
        configure_file("${f}" "${_dv_font_stage}" COPYONLY)
    endforeach()
    target_link_options(digest-viewer PRIVATE
        -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
        -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=64MB -sTOTAL_STACK=1MB
        -sWASM_ASYNC_COMPILATION=1 -sMODULARIZE=0 -sEXIT_RUNTIME=0
        -sEXPORTED_FUNCTIONS=_main,_malloc,_free,_dv_add_file,_dv_finish_load,_dv_state_json,_dv_set_hash,_dv_input_text,_dv_wake,_dv_load_sample
        -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
        -sENVIRONMENT=web -sDYNAMIC_EXECUTION=0
        --preload-file "${_dv_font_stage}@/fonts"
        --pre-js "${CMAKE_CURRENT_SOURCE_DIR}/web/pre.js")
    set_property(TARGET digest-viewer APPEND PROPERTY LINK_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/web/pre.js")
    # The static shell and its assets are copied beside the wasm: the folder is the whole site.
    file(GLOB DV_WEB_ASSETS CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/web/*.html"
         "${CMAKE_CURRENT_SOURCE_DIR}/web/*.css" "${CMAKE_CURRENT_SOURCE_DIR}/web/shell.js")
    add_custom_command(TARGET digest-viewer POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E copy ${DV_WEB_ASSETS} "${DV_SITE_DIR}"
        COMMENT "Copying the web shell into the site folder")
else()
    find_package(glfw3 3.3 REQUIRED)
    find_package(OpenGL REQUIRED)
    add_executable(digest-viewer src/platform/main_native.cpp src/platform/gl_frame.cpp
        src/platform/native_files.cpp src/platform/native_settings.cpp)
    target_link_libraries(digest-viewer PRIVATE dv_ui glfw OpenGL::GL dv_warnings)
    # Fonts next to the binary (build tree) and in share/ (install tree).
    add_custom_command(TARGET digest-viewer POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E make_directory "$<TARGET_FILE_DIR:digest-viewer>/fonts"
        COMMAND ${CMAKE_COMMAND} -E copy_if_different ${DV_FONT_FILES} "$<TARGET_FILE_DIR:digest-viewer>/fonts")
    install(TARGETS digest-viewer RUNTIME DESTINATION bin)
    install(FILES ${DV_FONT_FILES} DESTINATION share/digest-viewer/fonts)
    install(FILES "${CMAKE_CURRENT_SOURCE_DIR}/src/platform/digest-viewer.desktop" DESTINATION share/applications)
endif()
