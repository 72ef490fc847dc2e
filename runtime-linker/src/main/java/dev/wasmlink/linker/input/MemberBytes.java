package dev.wasmlink.linker.input;

import dev.wasmlink.spec.io.ByteSlice;
import dev.wasmlink.spec.io.InputLocation;
import dev.wasmlink.spec.io.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Reads fixed-width integers and NUL-terminated strings from the contents of one bookkeeping member (a symbol
 * table). Every read is checked against the member's own end, not the file's: a count or size that claims more than
 * the member holds is that member's fault, and reading on into the next member would turn the damage into garbage
 * symbols. Errors are reported at file offsets, since the member's slice is a view of the whole file.
 */
final class MemberBytes {
  private final ByteSlice contents;
  private final InputLocation location;

  MemberBytes(ByteSlice contents, InputLocation location) {
    this.contents = contents;
    this.location = location;
  }

  int length() {
    return contents.length();
  }

  /** The archive file offset of byte {@code index} of the member. */
  int fileOffset(long index) {
    return (int) (contents.start() + index);
  }

  /**
   * The unsigned integer of {@code width} bytes (4 or 8) at {@code index}. A 64-bit value of 2^63 or more comes out
   * negative, which callers treat as out of any range.
   */
  long readUnsigned(long index, int width, boolean bigEndian, String what) {
    if (index < 0 || index > length() - width) {
      throw error(index, what + " (" + width + " bytes) runs past the end of its member of " + length() + " bytes");
    }
    long value = 0;
    for (int i = 0; i < width; i++) {
      int b = contents.get((int) index + (bigEndian ? i : width - 1 - i));
      value = (value << 8) | b;
    }
    return value;
  }

  /**
   * The NUL-terminated UTF-8 string starting at {@code index}, which must end before {@code limit}.
   *
   * @param what what the string is, for the message when it has no terminator
   * @param region what {@code limit} is the end of, for the same message
   */
  String readCString(int index, int limit, String what, String region) {
    return utf8(index, findNul(index, limit, what, region));
  }

  /** The index of the NUL that ends the string starting at {@code index}; it must come before {@code limit}. */
  int findNul(int index, int limit, String what, String region) {
    for (int end = index; end < limit; end++) {
      if (contents.get(end) == 0) {
        return end;
      }
    }
    throw error(index, what + " has no NUL terminator before the end of " + region);
  }

  /** The member's bytes from {@code from} to {@code to} as UTF-8. */
  String utf8(int from, int to) {
    return new String(contents.array(), contents.start() + from, to - from, StandardCharsets.UTF_8);
  }

  /** A malformed-input error at byte {@code index} of the member, which is the offset it reports. */
  MalformedInputException error(long index, String problem) {
    return new MalformedInputException(location, index, problem);
  }
}
