package dev.wasmlink.linker.write;

import dev.wasmlink.linker.hashorder.Xxh3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The {@code build_id} section's identifier ({@code --build-id}), computed as wasm-ld 19 computes it over the whole
 * output with the identifier's place filled with spaces: {@code fast} (the default) is an XXH3 hash of the file made
 * into a version-5 UUID, {@code sha1} a SHA-1 hash of it, {@code uuid} a random version-4 UUID and {@code 0x...} the
 * given bytes. Files are hashed in 1 MiB chunks and the chunks' hashes hashed again, as wasm-ld does to hash in
 * parallel.
 */
final class BuildId {
  private static final int CHUNK = 1 << 20;
  /** wasm-ld's (randomly chosen) namespace for its version-5 UUIDs. */
  private static final byte[] NAMESPACE = HexFormat.of().parseHex("a1fa482d0e22038d338b521cd6d212b2");

  private BuildId() {}

  /** What the section holds before the identifier is known: as many spaces as it has bytes. */
  static byte[] placeholder(String style) {
    byte[] placeholder = new byte[size(style)];
    Arrays.fill(placeholder, (byte) ' ');
    return placeholder;
  }

  private static int size(String style) {
    return switch (style) {
      case "fast", "uuid" -> 16;
      case "sha1" -> 20;
      default -> hexString(style).length;
    };
  }

  /** Writes the identifier over the placeholder, which ends {@code module}. */
  static void fill(String style, ModuleImage module) {
    byte[] id = switch (style) {
      case "fast" -> uuid(5, chunked(module, 8, BuildId::xxh3));
      case "sha1" -> chunked(module, 20, BuildId::sha1);
      case "uuid" -> uuid(4, null);
      default -> hexString(style);
    };
    module.overwriteEnd(id);
  }

  private static byte[] hexString(String style) {
    return HexFormat.of().parseHex(style.substring(2));
  }

  /** The hash of the hashes of {@code module}'s 1 MiB chunks, each gathered from the module's pieces in turn. */
  private static byte[] chunked(ModuleImage module, int hashSize,
      java.util.function.Function<byte[], byte[]> hash) {
    long size = module.size();
    int chunks = (int) Math.max(1, (size + CHUNK - 1) / CHUNK);
    byte[] hashes = new byte[chunks * hashSize];
    byte[] whole = new byte[(int) Math.min(size, CHUNK)];
    for (int i = 0; i < chunks; i++) {
      long start = (long) i * CHUNK;
      int length = (int) Math.min(size - start, CHUNK);
      byte[] chunk = length == whole.length ? whole : new byte[length];
      module.read(start, chunk, length);
      System.arraycopy(hash.apply(chunk), 0, hashes, i * hashSize, hashSize);
    }
    return hash.apply(hashes);
  }

  private static byte[] xxh3(byte[] data) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Xxh3.hash64(data)).array();
  }

  private static byte[] sha1(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }

  /** A UUID of {@code version}: 5 from SHA-1 of the namespace and {@code hash}, 4 from random bytes. */
  private static byte[] uuid(int version, byte[] hash) {
    byte[] uuid = new byte[16];
    if (version == 5) {
      MessageDigest sha1;
      try {
        sha1 = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-1", e);
      }
      sha1.update(NAMESPACE);
      sha1.update(hash);
      System.arraycopy(sha1.digest(), 0, uuid, 0, 16);
    } else {
      new SecureRandom().nextBytes(uuid);
    }
    uuid[6] = (byte) (version << 4 | (uuid[6] & 0x0F));
    uuid[8] = (byte) (uuid[8] & 0xBF | 0x80);
    return uuid;
  }
}
