# Warnings for our own targets only; third-party headers are included as system headers.
add_library(cg_warnings INTERFACE)
target_compile_options(cg_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wno-sign-conversion -Wnon-virtual-dtor)
if(CG_WARNINGS_AS_ERRORS)
  target_compile_options(cg_warnings INTERFACE -Werror)
endif()
