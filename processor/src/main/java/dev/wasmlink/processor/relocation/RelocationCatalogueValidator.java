package dev.wasmlink.processor.relocation;

import static dev.wasmlink.processor.AnnotationNames.RELOCATION;
import static dev.wasmlink.processor.AnnotationNames.RELOCATION_CATALOGUE;

import com.palantir.javapoet.ClassName;
import dev.wasmlink.processor.Mirrors;
import dev.wasmlink.processor.Names;
import dev.wasmlink.processor.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Checks a {@code @RelocationCatalogue} enum and each {@code @Relocation} on its constants against the rules a
 * relocation kind must obey, and builds the model the generators run over. It reports every problem it finds and has
 * no other side effect.
 */
public final class RelocationCatalogueValidator {
  /** The highest code a kind may have: codes index a dense table, and LLVM's own stop below 32. */
  static final int MAX_CODE = 1023;

  private final Mirrors mirrors;
  /** Codes and names already claimed in this compilation, by the element that claimed them. */
  private final Map<Integer, String> claimedCodes;
  private final Map<String, String> claimedNames;
  /** Qualified handler class names already generated, so two catalogues of one package cannot collide. */
  private final Map<String, String> claimedHandlers;

  public RelocationCatalogueValidator(
      Mirrors mirrors,
      Map<Integer, String> claimedCodes,
      Map<String, String> claimedNames,
      Map<String, String> claimedHandlers) {
    this.mirrors = mirrors;
    this.claimedCodes = claimedCodes;
    this.claimedNames = claimedNames;
    this.claimedHandlers = claimedHandlers;
  }

  /** The catalogue's model when it is clean; its problems go to {@code report}. */
  public Optional<CatalogueModel> validate(TypeElement catalogue, Report report) {
    AnnotationMirror annotation = Mirrors.find(catalogue, RELOCATION_CATALOGUE).orElseThrow();
    if (catalogue.getKind() != ElementKind.ENUM) {
      report.error(
          catalogue,
          annotation,
          "@RelocationCatalogue goes on an enum whose constants are the relocation kinds, but "
              + catalogue.getSimpleName() + " is a " + catalogue.getKind().toString().toLowerCase());
      return Optional.empty();
    }
    String prefix = mirrors.stringValue(annotation, "prefix");
    List<RelocationKindModel> kinds = new ArrayList<>();
    for (Element member : catalogue.getEnclosedElements()) {
      if (member.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      Optional<AnnotationMirror> relocation = Mirrors.find(member, RELOCATION);
      if (relocation.isEmpty()) {
        report.error(
            member,
            "constant " + member.getSimpleName() + " has no @Relocation: declare its code, field, target and rule,"
                + " or move it out of the catalogue");
        continue;
      }
      validateKind(catalogue, member, relocation.get(), prefix, report).ifPresent(kinds::add);
    }
    if (!report.isClean()) {
      return Optional.empty();
    }
    kinds.sort(Comparator.comparingInt(RelocationKindModel::code));
    ClassName declaration = ClassName.get(catalogue);
    ClassName table = ClassName.get(declaration.packageName(), Names.flatName(declaration) + "Table");
    return Optional.of(new CatalogueModel(declaration, table, List.copyOf(kinds)));
  }

  private Optional<RelocationKindModel> validateKind(
      TypeElement catalogue,
      Element constant,
      AnnotationMirror relocation,
      String prefix,
      Report report) {
    String name = constant.getSimpleName().toString();
    String place = catalogue.getQualifiedName() + "." + name;
    int code = mirrors.intValue(relocation, "code");
    Field field = Field.valueOf(mirrors.enumValue(relocation, "field"));
    boolean addend = mirrors.booleanValue(relocation, "addend");
    String target = mirrors.enumValue(relocation, "target");
    Rule rule = Rule.valueOf(mirrors.enumValue(relocation, "rule"));
    boolean tlsOnly = mirrors.booleanValue(relocation, "tlsOnly");
    boolean picOnly = mirrors.booleanValue(relocation, "picOnly");
    boolean forbiddenAgainstTls = mirrors.booleanValue(relocation, "forbiddenAgainstTls");
    List<String> allowedIn = mirrors.enumValues(relocation, "allowedIn");
    boolean clean = true;

    if (code < 0 || code > MAX_CODE) {
      report.error(constant, relocation, "code",
          "relocation code " + code + " is out of range: codes go from 0 to " + MAX_CODE);
      clean = false;
    } else {
      String previous = claimedCodes.putIfAbsent(code, place);
      if (previous != null) {
        report.error(constant, relocation, "code",
            "relocation code " + code + " is already declared by " + previous + "; give " + name
                + " a code of its own");
        clean = false;
      }
    }
    String previousName = claimedNames.putIfAbsent(name, place);
    if (previousName != null) {
      report.error(constant, relocation,
          "relocation name " + name + " is already declared by " + previousName + "; names must be unique"
              + " across catalogues because objects and listings refer to kinds by name");
      clean = false;
    }
    String handlerBase = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    String handlerName = Names.upperCamel(handlerBase) + "Handler";
    if (handlerBase.isEmpty() || !Character.isLetter(handlerName.charAt(0))) {
      report.error(constant, relocation,
          "relocation name " + name + " leaves no usable handler name once the prefix \"" + prefix
              + "\" is removed; rename the constant or change the catalogue's prefix");
      clean = false;
    } else {
      String qualified = ClassName.get(catalogue).packageName() + "." + handlerName;
      String clash = claimedHandlers.putIfAbsent(qualified, place);
      if (clash != null) {
        String sameCatalogue = catalogue.getQualifiedName() + ".";
        String other = clash.startsWith(sameCatalogue) ? clash.substring(sameCatalogue.length()) : clash;
        report.error(constant, relocation,
            name + " and " + other + " would both generate " + handlerName
                + "; rename one so their names differ by more than underscores and case");
        clean = false;
      }
    }
    if (field.isWide() && rule.isIndexOnly()) {
      report.error(constant, relocation, "field",
          "field " + field + " holds 64 bits, but rule " + rule + " computes a 32-bit index; use ULEB32, SLEB32"
              + " or I32");
      clean = false;
    }
    if (addend && !rule.takesAddend()) {
      report.error(constant, relocation, "addend",
          "rule " + rule + " takes no addend, so entries of this kind carry none; remove addend = true");
      clean = false;
    }
    if (!addend && rule.takesAddend()) {
      report.error(constant, relocation,
          "rule " + rule + " adds the entry's addend, so the entry must carry one; declare addend = true");
      clean = false;
    }
    if (!target.equals(rule.target())) {
      report.error(constant, relocation, "target",
          "rule " + rule + " computes a value for a " + rule.target() + " target, but the target is " + target
              + "; make them agree");
      clean = false;
    }
    if (tlsOnly && !target.equals("DATA")) {
      report.error(constant, relocation, "tlsOnly",
          "tlsOnly applies to data symbols (only data can be thread-local), but the target is " + target);
      clean = false;
    }
    if (forbiddenAgainstTls && !target.equals("DATA")) {
      report.error(constant, relocation, "forbiddenAgainstTls",
          "forbiddenAgainstTls applies to data symbols (only data can be thread-local), but the target is "
              + target);
      clean = false;
    }
    if (tlsOnly && forbiddenAgainstTls) {
      report.error(constant, relocation, "forbiddenAgainstTls",
          "a kind cannot be both tlsOnly and forbiddenAgainstTls; keep the one its rule calls for");
      clean = false;
    }
    if (rule == Rule.TLS_OFFSET && !tlsOnly) {
      report.error(constant, relocation, "rule",
          "rule TLS_OFFSET computes an offset from __tls_base, which only thread-local symbols have; declare"
              + " tlsOnly = true");
      clean = false;
    }
    if (tlsOnly && rule != Rule.TLS_OFFSET && target.equals("DATA")) {
      report.error(constant, relocation, "tlsOnly",
          "tlsOnly kinds compute an offset in the TLS block; use rule TLS_OFFSET instead of " + rule);
      clean = false;
    }
    if (picOnly && !rule.isBaseRelative()) {
      report.error(constant, relocation, "picOnly",
          "picOnly is for rules relative to __memory_base or __table_base; " + rule + " is not one of them");
      clean = false;
    }
    Set<String> distinctSections = new LinkedHashSet<>(allowedIn);
    if (allowedIn.isEmpty()) {
      report.error(constant, relocation, "allowedIn",
          "allowedIn is empty, so the kind could patch nothing; name CODE, DATA or CUSTOM");
      clean = false;
    } else if (distinctSections.size() != allowedIn.size()) {
      report.error(constant, relocation, "allowedIn", "allowedIn names a section kind twice: " + allowedIn);
      clean = false;
    }
    if (field.isLeb() && distinctSections.contains("DATA")) {
      report.error(constant, relocation, "allowedIn",
          "field " + field + " is a padded LEB, which only instruction immediates use; data segments hold raw"
              + " I32 and I64 words, so drop DATA from allowedIn or use an I32/I64 field");
      clean = false;
    }
    if (!clean) {
      return Optional.empty();
    }
    ClassName handler = ClassName.get(ClassName.get(catalogue).packageName(), handlerName);
    return Optional.of(new RelocationKindModel(
        name, code, field, addend, target, rule, tlsOnly, picOnly, forbiddenAgainstTls,
        List.copyOf(distinctSections), mirrors.stringValue(relocation, "summary"), handler));
  }
}
