package dev.wasmlink.linker.cli;

import dev.wasmlink.linker.names.Demangler;
import java.util.List;

/**
 * What the run that records the launcher's AOT cache does once its link is done: it exercises code the link may not
 * have reached, so that the cache (which holds the classes a run loaded and the call sites it resolved) serves links
 * of other kinds too. The first link after a build records the cache; when that is a C program, a C++ link would
 * otherwise load and verify the demangler's classes and spin its lambdas at every start: measured, the emscripten-mt
 * link took 18 ms less (median of 21 paired runs, about 500 ms each) with a hello world's cache trained this way, a
 * third of what a cache recorded by that link itself saves; the slightly larger cache cost C links 2-4 ms. The
 * launcher asks for it with {@code -Dwasmlink.aot.training=true}; nothing is printed, and nothing of it reaches the
 * link's output or exit status.
 */
final class AotTraining {
  /** The system property the launcher sets on the recording run. */
  static final String PROPERTY = "wasmlink.aot.training";

  /**
   * Names from libc++ and libc++abi, chosen so that together they reach the demangler's parts: constructors and
   * destructors, operators, template argument packs, substitutions, local and anonymous-namespace names, vtables and
   * type information, function pointers, rvalue references, decltype and template-argument expressions, lambdas,
   * unnamed types, guard variables, thunks, arrays.
   */
  static final List<String> MANGLED_NAMES = List.of(
      "_ZNSt8bad_castC1Ev",
      "_ZNSt8bad_castD2Ev",
      "_ZNKSt8bad_cast4whatEv",
      "_ZNKSt3__24hashImEclEm",
      "_ZNSt3__28valarrayImEixEm",
      "_ZNKSt3__26localeeqERKS0_",
      "_ZNKSt3__211__wrap_iterIPcEplEl",
      "_ZNSt3__221__libcpp_operator_newIJmEEEPvDpT_",
      "_ZNSt3__26localeC1ERKS0_",
      "_ZZNSt3__28__get_dbEvE2db",
      "_ZGVZNSt3__28__get_dbEvE2db",
      "_ZTVSt8bad_cast",
      "_ZTId",
      "_ZTSPDn",
      "_ZSt11__terminatePFvvE",
      "_ZNSt3__222__compressed_pair_elemImLi0ELb0EEC2IivEEOT_",
      "_ZNSt3__2miIPKcPcEEDTmicldtfp_4baseEcldtfp0_4baseEERKNS_11__wrap_iterIT_EERKNS5_IT0_EE",
      "_ZNSt3__24swapIaEENS_9enable_ifIXaasr21is_move_constructibleIT_EE5valuesr18is_move_assignableIS2_EE5valueEvE4"
          + "typeERS2_S5_",
      "_ZZNK12_GLOBAL__N_116itanium_demangle8FoldExpr9printLeftERNS0_12OutputStreamEENKUlvE_clEv",
      "_ZNSt3__224__barrier_algorithm_base9__state_tUt_C2Ev",
      "_ZThn8_NSt3__29strstreamD0Ev",
      "_ZN12_GLOBAL__N_14heapE",
      "_ZNSt3__210unique_ptrIA_cNS_14default_deleteIS1_EEED2Ev");

  private AotTraining() {}

  /** Runs the training when the launcher asked for it; otherwise does nothing. */
  static void runIfRecording() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    try {
      MANGLED_NAMES.forEach(Demangler::demangle);
    } catch (RuntimeException e) {
      // A name the demangler cannot take is a bug for its own tests to show; the user's link is done and stands.
    }
  }
}
