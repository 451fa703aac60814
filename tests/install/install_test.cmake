# Installs the build into DESTDIR, then runs the installed program with no ISLEVIEW_DATA: it must read the
# data installed beside it, never the build or the source tree. Also checks that the desktop entry, the
# AppStream metadata, the icons, the manual page and the licences are where desktops and man look.
file(REMOVE_RECURSE ${DESTDIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${DESTDIR} ${CMAKE_COMMAND} --install ${BUILD_DIR}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${rc})")
endif()
set(root ${DESTDIR}${PREFIX})
set(share ${root}/${DATADIR})

set(expected
  ${root}/${BINDIR}/isleview
  ${share}/isleview/data/coast.shp
  ${share}/isleview/data/names.csv
  ${share}/isleview/facts/article.json
  ${share}/applications/${APP_ID}.desktop
  ${share}/metainfo/${APP_ID}.metainfo.xml
  ${share}/icons/hicolor/scalable/apps/${APP_ID}.svg
  ${root}/${MANDIR}/man1/isleview.1.gz
  ${root}/${DOCDIR}/copyright
  ${root}/${DOCDIR}/NOTICE)
foreach(size 16 22 24 32 48 64 128 256 512)
  list(APPEND expected ${share}/icons/hicolor/${size}x${size}/apps/${APP_ID}.png)
endforeach()
foreach(file IN LISTS expected)
  if(NOT EXISTS ${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
if(NOT IS_DIRECTORY ${share}/isleview/translations)
  message(FATAL_ERROR "no translations folder: ${share}/isleview/translations")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=ISLEVIEW_DATA --unset=DISPLAY --unset=WAYLAND_DISPLAY
          ${root}/${BINDIR}/isleview info --json
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installed isleview info failed (${rc}): ${err}")
endif()
string(JSON dataDir GET "${out}" data_dir)
file(REAL_PATH ${share}/isleview/data want)
if(NOT dataDir STREQUAL want)
  message(FATAL_ERROR "installed isleview read ${dataDir}, not the installed data ${want}")
endif()
string(JSON layers LENGTH "${out}" layers)
string(JSON islands LENGTH "${out}" islands)
string(JSON facts ERROR_VARIABLE noFacts LENGTH "${out}" facts)
if(NOT layers EQUAL 4 OR NOT islands EQUAL 4 OR noFacts OR facts LESS 1)
  message(FATAL_ERROR "installed isleview loaded ${layers} layers, ${islands} islands, facts: ${facts}${noFacts}")
endif()
string(JSON area GET "${out}" islands 0 area_km2)
if(NOT area GREATER 100)
  message(FATAL_ERROR "installed isleview computed an area of ${area} km² for the first island")
endif()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env --unset=ISLEVIEW_DATA ${root}/${BINDIR}/isleview export ${DESTDIR}/map.png
          --size 320x240
  RESULT_VARIABLE rc ERROR_VARIABLE err)
file(SIZE ${DESTDIR}/map.png size)
if(NOT rc EQUAL 0 OR size LESS 1000)
  message(FATAL_ERROR "installed isleview export failed (${rc}, ${size} bytes): ${err}")
endif()
file(REMOVE_RECURSE ${DESTDIR})
