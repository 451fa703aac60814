# Builds the Debian package with CPack into OUT and checks it with lintian: no errors. The warnings this
# package still has are listed in docs/packaging.md.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${CPACK} --config ${BUILD_DIR}/CPackConfig.cmake -B ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(GLOB debs ${OUT}/*.deb)
list(LENGTH debs n)
if(NOT rc EQUAL 0 OR NOT n EQUAL 1)
  message(FATAL_ERROR "cpack failed (${rc}, ${n} packages): ${out}${err}")
endif()
execute_process(COMMAND ${LINTIAN} --fail-on error --no-tag-display-limit ${debs}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lintian found errors in ${debs}")
endif()
file(REMOVE_RECURSE ${OUT})
