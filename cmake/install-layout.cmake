# `cmake --install` lays out a folder OBS loads as a user plugin:
#   <prefix>/compliance-guard/bin/64bit/compliance-guard.so
#   <prefix>/compliance-guard/data/{rules,locale,...}
# Install with --prefix ~/.config/obs-studio/plugins to use it in your own OBS.
set(CG_INSTALL_PLUGIN_DIR "${PLUGIN_NAME}")
set(CG_INSTALL_BIN_DIR "${CG_INSTALL_PLUGIN_DIR}/bin/64bit")
set(CG_INSTALL_DATA_DIR "${CG_INSTALL_PLUGIN_DIR}/data")

function(compliance_guard_install_locale locale_dir)
  install(DIRECTORY "${locale_dir}/" DESTINATION "${CG_INSTALL_DATA_DIR}/locale" FILES_MATCHING PATTERN "*.ini")
endfunction()
