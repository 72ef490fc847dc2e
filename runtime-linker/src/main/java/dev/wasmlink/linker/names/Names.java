package dev.wasmlink.linker.names;

import java.util.List;

/** Nodes for names: identifiers, scopes, template arguments, constructors, operators and the other unqualified names. */
final class Names {
  private Names() {}

  /** A name printed as written: an identifier, a builtin type, or a fixed phrase such as {@code nullptr}. */
  static final class Plain extends Node {
    final String name;

    Plain(String name) {
      this.name = name;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(name);
    }

    @Override
    String baseName() {
      return name;
    }
  }

  /**
   * {@code Scope::Name}: a nested name ({@code N ... E}) or a qualified unresolved name of a dependent expression
   * ({@code sr ...}); or {@code Scope::friend Name}, a friend declared inside a class, mangled with {@code F}.
   */
  static final class Nested extends Node {
    final Node scope;
    final String separator;
    final Node name;

    Nested(Node scope, Node name) {
      this(scope, "::", name);
    }

    Nested(Node scope, String separator, Node name) {
      this.scope = scope;
      this.separator = separator;
      this.name = name;
    }

    @Override
    void doPrintLeft(Printer out) {
      scope.print(out);
      out.append(separator);
      name.print(out);
    }

    @Override
    String baseName() {
      return name.baseName();
    }
  }

  /** {@code ::Name}, an expression name with the global-scope prefix {@code gs}. */
  static final class Global extends Node {
    final Node child;

    Global(Node child) {
      this.child = child;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("::");
      child.print(out);
    }

    @Override
    String baseName() {
      return child.baseName();
    }
  }

  /** {@code function()::entity}: an entity declared in a function body ({@code Z <encoding> E <name>}). */
  static final class Local extends Node {
    final Node encoding;
    final Node entity;

    Local(Node encoding, Node entity) {
      this.encoding = encoding;
      this.entity = entity;
    }

    @Override
    void doPrintLeft(Printer out) {
      encoding.print(out);
      out.append("::");
      entity.print(out);
    }
  }

  /** A C++20 module name {@code W <source-name>}: {@code parent.name} or, for a partition, {@code parent:name}. */
  static final class Module extends Node {
    final Node parent;
    final Node name;
    final boolean partition;

    Module(Node parent, Node name, boolean partition) {
      this.parent = parent;
      this.name = name;
      this.partition = partition;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (parent != null) {
        parent.print(out);
      }
      if (parent != null || partition) {
        out.append(partition ? ':' : '.');
      }
      name.print(out);
    }
  }

  /** {@code name@module}: an entity attached to a named module. */
  static final class ModuleEntity extends Node {
    final Module module;
    final Node name;

    ModuleEntity(Module module, Node name) {
      this.module = module;
      this.name = name;
    }

    @Override
    void doPrintLeft(Printer out) {
      name.print(out);
      out.append('@');
      module.print(out);
    }

    @Override
    String baseName() {
      return name.baseName();
    }
  }

  /** {@code <args...>}; inside them a bare {@code >} would end the list, see {@link Printer#gtIsGt}. */
  static final class TemplateArgs extends Node {
    final List<Node> args;

    TemplateArgs(List<Node> args) {
      this.args = args;
    }

    @Override
    void doPrintLeft(Printer out) {
      int saved = out.gtIsGt;
      out.gtIsGt = 0;
      out.append('<');
      printList(out, args);
      out.append('>');
      out.gtIsGt = saved;
    }
  }

  /** {@code Name<Args>}. */
  static final class WithTemplateArgs extends Node {
    final Node name;
    final Node args;

    WithTemplateArgs(Node name, Node args) {
      this.name = name;
      this.args = args;
    }

    @Override
    void doPrintLeft(Printer out) {
      name.print(out);
      args.print(out);
    }

    @Override
    String baseName() {
      return name.baseName();
    }
  }

  /** {@code Name[abi:tag]}, from {@code B <source-name>}. */
  static final class AbiTag extends Node {
    final Node base;
    final String tag;

    AbiTag(Node base, String tag) {
      this.base = base;
      this.tag = tag;
    }

    @Override
    void doPrintLeft(Printer out) {
      base.printLeft(out);
      out.append("[abi:").append(tag).append(']');
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return base.hasRightPart(out);
    }

    @Override
    boolean doIsArray(Printer out) {
      return base.isArray(out);
    }

    @Override
    boolean doIsFunction(Printer out) {
      return base.isFunction(out);
    }

    @Override
    String baseName() {
      return base.baseName();
    }
  }

  /** The abbreviations {@code Sa Sb Ss Si So Sd} for the standard library's most common classes. */
  enum StdKind {
    ALLOCATOR("allocator", false), BASIC_STRING("basic_string", false), STRING("basic_string", true),
    ISTREAM("basic_istream", true), OSTREAM("basic_ostream", true), IOSTREAM("basic_iostream", true);

    final String fullName;
    /** Whether the abbreviation stands for an instantiation over {@code char} (a typedef such as std::string). */
    final boolean instantiation;

    StdKind(String fullName, boolean instantiation) {
      this.fullName = fullName;
      this.instantiation = instantiation;
    }
  }

  /**
   * A standard abbreviation. Used as a type it prints as the typedef ({@code std::string}); when it is the scope of
   * a constructor or destructor it is expanded to the class template it instantiates, since the typedef has no
   * constructors of its own.
   */
  static final class StdSubstitution extends Node {
    final StdKind kind;
    final boolean expanded;

    StdSubstitution(StdKind kind, boolean expanded) {
      this.kind = kind;
      this.expanded = expanded;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("std::").append(baseName());
      if (expanded && kind.instantiation) {
        out.append("<char, std::char_traits<char>");
        if (kind == StdKind.STRING) {
          out.append(", std::allocator<char>");
        }
        out.append('>');
      }
    }

    @Override
    String baseName() {
      if (!expanded && kind.instantiation) {
        return kind.fullName.substring("basic_".length());
      }
      return kind.fullName;
    }
  }

  /** A constructor ({@code C1}...) or destructor ({@code D0}...), named after its class. */
  static final class CtorDtor extends Node {
    final Node className;
    final boolean destructor;

    CtorDtor(Node className, boolean destructor) {
      this.className = className;
      this.destructor = destructor;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (destructor) {
        out.append('~');
      }
      out.append(className.baseName());
    }
  }

  /** {@code ~Type} in an expression ({@code dn}). */
  static final class DtorName extends Node {
    final Node base;

    DtorName(Node base) {
      this.base = base;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append('~');
      base.printLeft(out);
    }
  }

  /** {@code 'unnamed'} / {@code 'unnamed3'}: a class or enum with no name ({@code Ut [number] _}). */
  static final class UnnamedType extends Node {
    final String count;

    UnnamedType(String count) {
      this.count = count;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("'unnamed").append(count).append('\'');
    }
  }

  /** A lambda's closure type: {@code 'lambda'<template params>(params)}, numbered after the first one. */
  static final class Closure extends Node {
    final List<Node> templateParams;
    final Node requires1;
    final List<Node> params;
    final Node requires2;
    final String count;

    Closure(List<Node> templateParams, Node requires1, List<Node> params, Node requires2, String count) {
      this.templateParams = templateParams;
      this.requires1 = requires1;
      this.params = params;
      this.requires2 = requires2;
      this.count = count;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("'lambda").append(count).append('\'');
      printDeclarator(out);
    }

    void printDeclarator(Printer out) {
      if (!templateParams.isEmpty()) {
        int saved = out.gtIsGt;
        out.gtIsGt = 0;
        out.append('<');
        printList(out, templateParams);
        out.append('>');
        out.gtIsGt = saved;
      }
      if (requires1 != null) {
        out.append(" requires ");
        requires1.print(out);
        out.append(' ');
      }
      out.open();
      printList(out, params);
      out.close();
      if (requires2 != null) {
        out.append(" requires ");
        requires2.print(out);
      }
    }
  }

  /** {@code [a, b]}: a structured binding declaration ({@code DC <source-name>+ E}). */
  static final class StructuredBinding extends Node {
    final List<Node> bindings;

    StructuredBinding(List<Node> bindings) {
      this.bindings = bindings;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.open('[');
      printList(out, bindings);
      out.close(']');
    }
  }

  /** A function: return type (only for templates), name, parameters, then qualifiers of a member function. */
  static final class FunctionEncoding extends Node {
    final Node returnType;
    final Node name;
    final List<Node> params;
    final Node attributes;
    final Node requires;
    final int cvQualifiers;
    final String refQualifier;

    FunctionEncoding(Node returnType, Node name, List<Node> params, Node attributes, Node requires,
        int cvQualifiers, String refQualifier) {
      this.returnType = returnType;
      this.name = name;
      this.params = params;
      this.attributes = attributes;
      this.requires = requires;
      this.cvQualifiers = cvQualifiers;
      this.refQualifier = refQualifier;
    }

    @Override
    void doPrintLeft(Printer out) {
      if (returnType != null) {
        returnType.printLeft(out);
        if (!returnType.hasRightPart(out)) {
          out.append(' ');
        }
      }
      name.print(out);
    }

    @Override
    void doPrintRight(Printer out) {
      out.open();
      printList(out, params);
      out.close();
      if (returnType != null) {
        returnType.printRight(out);
      }
      Types.printQualifiers(out, cvQualifiers);
      out.append(refQualifier);
      if (attributes != null) {
        attributes.print(out);
      }
      if (requires != null) {
        out.append(" requires ");
        requires.print(out);
      }
    }

    @Override
    boolean doHasRightPart(Printer out) {
      return true;
    }

    @Override
    boolean doIsFunction(Printer out) {
      return true;
    }
  }

  /** {@code [enable_if:conditions]} after a function declared with Clang's enable_if attribute. */
  static final class EnableIf extends Node {
    final List<Node> conditions;

    EnableIf(List<Node> conditions) {
      this.conditions = conditions;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(" [enable_if:");
      printList(out, conditions);
      out.append(']');
    }
  }

  /**
   * A phrase in front of a name or type: {@code vtable for }, {@code guard variable for }, thunks, and the
   * prefixes {@code operator }, {@code operator"" }, {@code this }, {@code throw }, {@code struct }, {@code union },
   * {@code enum }.
   */
  static final class Special extends Node {
    final String phrase;
    final Node child;

    Special(String phrase, Node child) {
      this.phrase = phrase;
      this.child = child;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append(phrase);
      child.print(out);
    }
  }

  /** {@code construction vtable for Base-in-Derived} ({@code TC}). */
  static final class ConstructionVtable extends Node {
    final Node base;
    final Node derived;

    ConstructionVtable(Node base, Node derived) {
      this.base = base;
      this.derived = derived;
    }

    @Override
    void doPrintLeft(Printer out) {
      out.append("construction vtable for ");
      base.print(out);
      out.append("-in-");
      derived.print(out);
    }
  }

  /** A compiler-added suffix such as {@code .cold} or {@code .llvm.123}, printed as {@code name (.cold)}. */
  static final class DotSuffix extends Node {
    final Node prefix;
    final String suffix;

    DotSuffix(Node prefix, String suffix) {
      this.prefix = prefix;
      this.suffix = suffix;
    }

    @Override
    void doPrintLeft(Printer out) {
      prefix.print(out);
      out.append(" (").append(suffix).append(')');
    }
  }
}
