package dev.wasmlink.spec.reloc;

/**
 * Applies one relocation kind: computes its value through a {@link RelocationResolver}, checking the kind's
 * constraints, and reads or writes the field it patches. The processor generates one per declared kind.
 */
public interface RelocationHandler {
  /** The kind this handler applies. */
  RelocationKind kind();

  /**
   * The value the field must hold.
   *
   * @throws RelocationException when the kind's constraints forbid this use
   */
  long value(RelocationSite site, RelocationResolver resolver);

  /**
   * Computes the value and writes it into {@code buffer} at {@code position}, keeping the field's width.
   *
   * @throws RelocationException when the kind's constraints forbid this use or the value does not fit the field
   */
  void apply(RelocationSite site, RelocationResolver resolver, byte[] buffer, int position);

  /** The value the field holds now. */
  long read(byte[] buffer, int position);
}
