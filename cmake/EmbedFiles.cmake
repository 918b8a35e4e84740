# newsfacts_embed_files(OUTPUT out.cc NAMESPACE ns FUNCTION Fn BASE dir FILES f...)
# Generates a .cc that compiles data files (rules, migrations) into the binary, so the
# executable works from any folder. Fn() returns a vector of {relative path, contents}.
function(newsfacts_embed_files)
  cmake_parse_arguments(EMBED "" "OUTPUT;NAMESPACE;FUNCTION;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${EMBED_OUTPUT}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${EMBED_OUTPUT} -DNAMESPACE=${EMBED_NAMESPACE}
            -DFUNCTION=${EMBED_FUNCTION} -DBASE=${EMBED_BASE} "-DFILES=${EMBED_FILES}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    DEPENDS ${EMBED_FILES} ${PROJECT_SOURCE_DIR}/cmake/EmbedFilesScript.cmake
    COMMENT "Embedding data files into ${EMBED_OUTPUT}"
    VERBATIM)
endfunction()
