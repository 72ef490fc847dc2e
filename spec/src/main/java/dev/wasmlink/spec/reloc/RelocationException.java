package dev.wasmlink.spec.reloc;

/**
 * A relocation that cannot be applied: a constraint of its kind is broken or its value does not fit. It keeps the
 * structured facts (problem, kind, site, symbol) so the linker can group many failures into one diagnosis.
 */
public final class RelocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which rule was broken. */
  public enum Problem {
    NOT_ALLOWED_IN_SECTION,
    REQUIRES_PIC,
    UNDEFINED_TLS_SYMBOL,
    NON_TLS_SYMBOL,
    TLS_SYMBOL_FORBIDDEN,
    VALUE_OUT_OF_RANGE
  }

  private final Problem problem;
  private final RelocationKind kind;
  private final RelocationSite site;
  private final String symbol;

  private RelocationException(
      Problem problem, RelocationKind kind, RelocationSite site, String symbol, String message) {
    super(site.describe() + ": relocation " + kind.name() + " " + message);
    this.problem = problem;
    this.kind = kind;
    this.site = site;
    this.symbol = symbol;
  }

  public static RelocationException notAllowedIn(RelocationKind kind, RelocationSite site) {
    return new RelocationException(
        Problem.NOT_ALLOWED_IN_SECTION,
        kind,
        site,
        null,
        "cannot patch a " + site.sectionKind() + " section; it is allowed in " + kind.allowedIn());
  }

  public static RelocationException requiresPic(RelocationKind kind, RelocationSite site) {
    return new RelocationException(
        Problem.REQUIRES_PIC,
        kind,
        site,
        null,
        "is only valid in position-independent code; link with -shared or -pie, or compile without -fPIC");
  }

  public static RelocationException undefinedTlsSymbol(
      RelocationKind kind, RelocationSite site, SymbolFacts symbol) {
    return new RelocationException(
        Problem.UNDEFINED_TLS_SYMBOL,
        kind,
        site,
        symbol.name(),
        "cannot be used against an undefined symbol `" + symbol.name() + "`");
  }

  public static RelocationException nonTlsSymbol(
      RelocationKind kind, RelocationSite site, SymbolFacts symbol) {
    return new RelocationException(
        Problem.NON_TLS_SYMBOL,
        kind,
        site,
        symbol.name(),
        "cannot be used against non-TLS symbol `" + symbol.name() + "`");
  }

  public static RelocationException tlsSymbolForbidden(
      RelocationKind kind, RelocationSite site, SymbolFacts symbol) {
    return new RelocationException(
        Problem.TLS_SYMBOL_FORBIDDEN,
        kind,
        site,
        symbol.name(),
        "cannot be used against TLS symbol `" + symbol.name() + "`");
  }

  /** The value does not fit the field; names the symbol (or type index) the value was computed for. */
  public static RelocationException valueOutOfRange(
      RelocationKind kind, RelocationSite site, long value, RelocationResolver resolver) {
    String symbol = kind.target().isSymbol() ? resolver.symbol(site).name() : null;
    String target = symbol != null ? "`" + symbol + "`" : "type " + site.index();
    return new RelocationException(
        Problem.VALUE_OUT_OF_RANGE,
        kind,
        site,
        symbol,
        "value " + value + " for " + target + " does not fit its " + kind.field() + " field");
  }

  public Problem problem() {
    return problem;
  }

  public RelocationKind kind() {
    return kind;
  }

  public RelocationSite site() {
    return site;
  }

  /** The symbol's name, or {@code null} when the problem concerns no symbol. */
  public String symbol() {
    return symbol;
  }
}
