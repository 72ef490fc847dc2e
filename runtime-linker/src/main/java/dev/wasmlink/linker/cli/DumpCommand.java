package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.dump.ObjectDumper;
import dev.wasmlink.linker.input.Archive;
import dev.wasmlink.linker.input.ArchiveMember;
import dev.wasmlink.linker.input.ArchiveReader;
import dev.wasmlink.linker.input.InputFiles;
import dev.wasmlink.linker.input.StubLibrary;
import dev.wasmlink.linker.object.ObjectChecker;
import dev.wasmlink.linker.object.ObjectFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code wasmlink dump FILE...}: every object, and every member of every archive, checked and printed. Checking
 * first means a malformed input stops the dump with one line that says where, instead of a listing that is
 * silently wrong.
 */
public final class DumpCommand {
  private DumpCommand() {}

  static void run(List<String> files, PrintWriter out) {
    if (files.isEmpty()) {
      throw new UsageException("dump needs at least one object or archive");
    }
    ObjectDumper dumper = new ObjectDumper(out);
    for (String file : files) {
      dump(InputFiles.read(Path.of(file)), file, dumper, out);
      out.flush();
    }
  }

  /**
   * Dumps one file's bytes as {@code wasmlink dump} does, without the command's catch-all: bad input ends in the
   * reader's own exception ({@code MalformedInputException}, {@code InputException}), anything else escapes as it
   * is. For tests and fuzzing, which must tell the two apart.
   *
   * @param fileName how messages name the file
   */
  public static void dump(byte[] bytes, String fileName, PrintWriter out) {
    dump(bytes, fileName, new ObjectDumper(out), out);
  }

  private static void dump(byte[] bytes, String file, ObjectDumper dumper, PrintWriter out) {
    if (StubLibrary.is(bytes)) {
      StubLibrary stub = StubLibrary.parse(bytes, file);
      out.printf("%s: stub library, %d symbols%n", file, stub.dependencies().size());
      stub.dependencies().forEach((name, needs) -> out.printf("  %s%s%n", name,
          needs.isEmpty() ? "" : " needs " + String.join(", ", needs)));
      out.println();
    } else if (ArchiveReader.isArchive(bytes)) {
      Archive archive = ArchiveReader.read(bytes, file);
      out.printf("%s: archive, %d members, %d symbols in its index%n%n", file, archive.members().size(),
          archive.symbolIndex().size());
      for (ArchiveMember member : archive.members()) {
        if (InputFiles.isRustMetadata(member)) {
          out.printf("%s(%s): Rust crate metadata, not an object; skipped%n%n", file, member.name());
          continue;
        }
        dumpChecked(InputFiles.readMember(archive, member), dumper);
      }
    } else {
      dumpChecked(InputFiles.readObject(bytes, file), dumper);
    }
  }

  private static void dumpChecked(ObjectFile object, ObjectDumper dumper) {
    ObjectChecker.check(object);
    dumper.dump(object);
  }
}
