# Third-party dependencies. All come from Debian 12 packages (scripts/packages.txt);
# nothing is downloaded. Each is wrapped in a deps:: target that modules link PRIVATE.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)

find_package(Vulkan 1.3 REQUIRED COMPONENTS glslc)
find_package(glfw3 3.3 REQUIRED)
find_package(assimp 5.2 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
pkg_check_modules(BULLET REQUIRED IMPORTED_TARGET bullet>=3.24)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui>=1.86)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(SQLITE REQUIRED IMPORTED_TARGET sqlite3)

add_library(deps_bullet INTERFACE)
add_library(deps::bullet ALIAS deps_bullet)
# Bullet headers are not warning-clean under -Wshadow: include them as system headers
target_include_directories(deps_bullet SYSTEM INTERFACE ${BULLET_INCLUDE_DIRS})
target_link_libraries(deps_bullet INTERFACE BulletDynamics BulletCollision LinearMath)

add_library(deps_imgui INTERFACE)
add_library(deps::imgui ALIAS deps_imgui)
find_path(PRACTICUM_IMGUI_BACKEND_INCLUDE imgui_impl_vulkan.h PATH_SUFFIXES imgui/backends REQUIRED)
target_include_directories(deps_imgui SYSTEM INTERFACE ${IMGUI_INCLUDE_DIRS} ${PRACTICUM_IMGUI_BACKEND_INCLUDE})
target_link_libraries(deps_imgui INTERFACE ${IMGUI_LINK_LIBRARIES})
# Debian ships the platform/renderer backends as sources; the ui module compiles them
set(PRACTICUM_IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends
    CACHE PATH "Dear ImGui backend sources shipped by libimgui-dev")

add_library(deps_stb INTERFACE)
add_library(deps::stb ALIAS deps_stb)
target_include_directories(deps_stb SYSTEM INTERFACE ${STB_INCLUDE_DIRS})

# libsodium: SHA-256 for the session log's hash chain
add_library(deps_sodium INTERFACE)
add_library(deps::sodium ALIAS deps_sodium)
target_link_libraries(deps_sodium INTERFACE PkgConfig::SODIUM)

# SQLite: the session catalogue (an index over the logs, rebuildable from them)
add_library(deps_sqlite INTERFACE)
add_library(deps::sqlite ALIAS deps_sqlite)
target_link_libraries(deps_sqlite INTERFACE PkgConfig::SQLITE)

if(PRACTICUM_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(PRACTICUM_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
