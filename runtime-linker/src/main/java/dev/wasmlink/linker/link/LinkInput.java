package dev.wasmlink.linker.link;

import java.nio.file.Path;

/**
 * One input file of a link, with how to treat it.
 *
 * @param wholeArchive for an archive, whether every member is linked ({@code --whole-archive})
 * @param lazy for an object, whether it is linked only if one of its symbols is needed ({@code --start-lib})
 */
public record LinkInput(Path path, boolean wholeArchive, boolean lazy) {}
