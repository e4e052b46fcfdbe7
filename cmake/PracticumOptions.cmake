# practicum::options — one INTERFACE target that carries the project's compile flags.
add_library(practicum_options INTERFACE)
add_library(practicum::options ALIAS practicum_options)

target_compile_options(practicum_options INTERFACE
  -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wpedantic
  # Vulkan structs are initialised as {VK_STRUCTURE_TYPE_...} with the rest zeroed
  -Wno-missing-field-initializers
  # determinism: the same build must compute bit-identical results
  -ffp-contract=off)
if(PRACTICUM_WERROR)
  target_compile_options(practicum_options INTERFACE -Werror)
endif()
if(PRACTICUM_SANITIZE)
  target_compile_options(practicum_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(practicum_options INTERFACE -fsanitize=address,undefined)
endif()

# practicum_module(NAME SOURCES... DEPS ... PRIVATE_DEPS ...)
# One static library per engine module: public headers in include/, sources in src/,
# alias practicum::NAME.
function(practicum_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(practicum_${name} STATIC ${ARG_SOURCES})
  add_library(practicum::${name} ALIAS practicum_${name})
  target_include_directories(practicum_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
                                               PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_link_libraries(practicum_${name} PUBLIC ${ARG_DEPS} PRIVATE practicum::options ${ARG_PRIVATE_DEPS})
  set_target_properties(practicum_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
