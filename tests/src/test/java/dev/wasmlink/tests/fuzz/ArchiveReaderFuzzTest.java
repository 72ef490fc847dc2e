package dev.wasmlink.tests.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveMember;
import dev.wasmlink.linker.input.ArchiveReader;
import dev.wasmlink.linker.input.InputFiles;

/**
 * The {@code ar} reader on arbitrary bytes: GNU and BSD flavours, long-name tables, symbol indexes and their checks
 * against the members, then each member's object header and section table. Seeds: small GNU, BSD, index-less and
 * thin archives of libc members, and an rlib-like archive with a {@code lib.rmeta} member.
 */
class ArchiveReaderFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void readArchive(byte[] data) {
    BadInput.expectSuccessOrError(() -> {
      Archive archive = ArchiveReader.read(data, "fuzz.a");
      archive.symbolIndex().size();
      for (ArchiveMember member : archive.members()) {
        if (!InputFiles.isRustMetadata(member)) {
          InputFiles.readMember(archive, member);
        }
      }
    });
  }
}
