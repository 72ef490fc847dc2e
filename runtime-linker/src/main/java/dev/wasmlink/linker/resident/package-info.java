/**
 * The resident mode: a daemon that keeps one warmed JVM for the links of a build. {@code bin/wasm-ld} hands it each
 * command line through a small native client ({@code src/main/c/resident-client.c}) over a Unix socket in a directory
 * only its user can enter; the daemon links as the client would (its working directory, its environment, its
 * standard output and error) and the client prints the result, or falls back to a one-shot link when there is no
 * daemon for this very jar, or it dies or stops answering.
 */
package dev.wasmlink.linker.resident;
