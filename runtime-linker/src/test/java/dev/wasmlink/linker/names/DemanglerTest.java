package dev.wasmlink.linker.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hand-picked names and what {@code llvm-cxxfilt-19} prints for them (each expected text was produced by
 * llvm-cxxfilt-19 itself). They cover the grammar the demangler supports; the differential test in the tests
 * module checks thousands of real names besides.
 */
class DemanglerTest {
  /** One case per line: the mangled name, then the expected demangling after {@code ==>}. */
  private static final String CASES = """
        _Z1fv  ==>  f()
        _Z1fi  ==>  f(int)
        _Z3fooPKcRiOd  ==>  foo(char const*, int&, double&&)
        _ZN3foo3barEv  ==>  foo::bar()
        _ZN12_GLOBAL__N_11fEv  ==>  (anonymous namespace)::f()
        _ZL8internalv  ==>  internal()
        _ZNSt3__212basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEEC2B8ne180100Ev  ==>  std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char>>::basic_string[abi:ne180100]()
        _ZNSsC1Ev  ==>  std::basic_string<char, std::char_traits<char>, std::allocator<char>>::basic_string()
        _ZNSiD0Ev  ==>  std::basic_istream<char, std::char_traits<char>>::~basic_istream()
        _Z1fSaIcESbIcESsSiSoSd  ==>  f(std::allocator<char>, std::basic_string<char>, std::string, std::istream, std::ostream, std::iostream)
        _ZNSt3__26vectorINS0_IiEEE1fEv  ==>  std::__2::vector<std::__2::vector<int>>::f()
        _Z1fIiEvT_  ==>  void f<int>(int)
        _Z1fIiJdcEEvT_DpT0_  ==>  void f<int, double, char>(int, double, char)
        _Z1fIJEEvDpT_  ==>  void f<>()
        _ZN1AIiE1fIcEEvT_  ==>  void A<int>::f<char>(char)
        _Z1fPA3_i  ==>  f(int (*) [3])
        _Z1fRA3_i  ==>  f(int (&) [3])
        _Z1fM1AKFivE  ==>  f(int (A::*)() const)
        _Z1fPFPFivEvE  ==>  f(int (* (*)())())
        _Z1fM1Ai  ==>  f(int A::*)
        _Z1fPVKi  ==>  f(int const volatile*)
        _Z1fPrKi  ==>  f(int const restrict*)
        _ZNK1A1fEv  ==>  A::f() const
        _ZNKR1A1fEv  ==>  A::f() const &
        _ZNO1A1fEv  ==>  A::f() &&
        _ZN1AC1Ev  ==>  A::A()
        _ZN1AC2ERKS_  ==>  A::A(A const&)
        _ZN1AD2Ev  ==>  A::~A()
        _ZN3InhCI11AEi  ==>  Inh::Inh(int)
        _ZN1AaSERKS_  ==>  A::operator=(A const&)
        _ZN1AnwEm  ==>  A::operator new(unsigned long)
        _ZN1AdaEPv  ==>  A::operator delete[](void*)
        _ZN1AclEv  ==>  A::operator()()
        _ZN1AixEi  ==>  A::operator[](int)
        _ZN1AptEv  ==>  A::operator->()
        _ZN1AssERKS_  ==>  A::operator<=>(A const&)
        _ZN1AcviEv  ==>  A::operator int()
        _ZN3OpscvPT_IiEEv  ==>  Ops::operator int*<int>()
        _Zli3_kmy  ==>  operator"" _km(unsigned long long)
        _ZTV1A  ==>  vtable for A
        _ZTI1A  ==>  typeinfo for A
        _ZTS1A  ==>  typeinfo name for A
        _ZTT2V1  ==>  VTT for V1
        _ZTCN1A1BE0_NS_1CE  ==>  construction vtable for A::C-in-A::B
        _ZThn8_N1C1gEv  ==>  non-virtual thunk to C::g()
        _ZTv0_n12_N2V11fEv  ==>  virtual thunk to V1::f()
        _ZTch0_h4_N4Cov22clEv  ==>  covariant return thunk to Cov2::cl()
        _ZGVZ1fvE1x  ==>  guard variable for f()::x
        _ZGR1x_  ==>  reference temporary for x
        _ZTHN1a1bE  ==>  thread-local initialization routine for a::b
        _ZTW3tls  ==>  thread-local wrapper routine for tls
        _ZZ1fvE1x_0  ==>  f()::x
        _ZZ1fvEs_0  ==>  f()::string literal
        _ZZN1A1fEvE1b  ==>  A::f()::b
        _ZZ1fvENKUlvE_clEv  ==>  f()::'lambda'()::operator()() const
        _ZZ1fvENKUlvE0_clEv  ==>  f()::'lambda0'()::operator()() const
        _ZNK3$_0clIiJiiEEEDaT_DpRT0_  ==>  auto $_0::operator()<int, int, int>(int, int&, int&) const
        _ZZ1fvENKUlT_E_clIiEEDaS_  ==>  auto f()::'lambda'(auto)::operator()<int>(auto) const
        _ZNK3$_1clIiLi3EJicEEEiRAT0__T_DpT1_  ==>  int $_1::operator()<int, 3, int, char>(int (&) [3], int, char) const
        _ZN1fUt_3getEv  ==>  f::'unnamed'::get()
        _Z3fooB5cxx11v  ==>  foo[abi:cxx11]()
        _ZN6TaggedB4tag1B4tag21fEv  ==>  Tagged[abi:tag1][abi:tag2]::f()
        _Z1fILb1EEvv  ==>  void f<true>()
        _Z1fILb0EEvv  ==>  void f<false>()
        _Z1fILi5EEvv  ==>  void f<5>()
        _Z1fILin5EEvv  ==>  void f<-5>()
        _Z1fILj5EEvv  ==>  void f<5u>()
        _Z1fILx7EEvv  ==>  void f<7ll>()
        _Z1fILc65EEvv  ==>  void f<(char)65>()
        _Z1fIL1E3EEvv  ==>  void f<(E)3>()
        _Z1fILDnEEvv  ==>  void f<nullptr>()
        _Z1fIXadL_Z1gvEEEvv  ==>  void f<&g()>()
        _Z1fIXgtLi1ELi2EEEvv  ==>  void f<(1 > 2)>()
        _Z1fILf3f800000EEvv  ==>  void f<0x1p+0f>()
        _Z1fILd3ff8000000000000EEvv  ==>  void f<0x1.8p+0>()
        _Z1fILe3fff8000000000000000EEvv  ==>  void f<0x8p-3L>()
        _Z5arithIiE3IntIXmirmdvmlstT_Li2ELi1ELi5ELi3EEES1_  ==>  Int<(sizeof (int) * 2 / 1) % 5 - 3> arith<int>(int)
        _Z3sumIJiiiEEDTfrplfp_EDpT_  ==>  decltype(((fp...) + ...)) sum<int, int, int>(int, int, int)
        _Z1fIiEvDTcvT_Li0EE  ==>  void f<int>(decltype((int)(0)))
        _Z3mulIidEDTmlfp_fp0_ET_T0_  ==>  decltype(fp * fp0) mul<int, double>(int, double)
        _Z2f1IcQ5SmallIT_EEvS0_  ==>  void f1<char>(T)
        _Z2f2IiEvT_QgtstS0_Li1E  ==>  void f2<int>(int) requires sizeof (int) > 1
        _Z2rqIiEDTrqXplfp_Li1EEET_  ==>  decltype(requires { fp + 1; }) rq<int>(int)
        _Z1fDn  ==>  f(std::nullptr_t)
        _Z1fDa  ==>  f(auto)
        _Z1fDc  ==>  f(decltype(auto))
        _Z1fDv4_f  ==>  f(float vector[4])
        _Z1fDF16_  ==>  f(_Float16)
        _Z1fDB37_  ==>  f(_BitInt(37))
        _Z1fU8__vectori  ==>  f(int __vector)
        _Z1fCd  ==>  f(double complex)
        _Z1fDi  ==>  f(char32_t)
        _Z1fPFvvEPDoFvvE  ==>  f(void (*)(), void (*)() noexcept)
        _Z1fz  ==>  f(...)
        _Z1fv.cold  ==>  f() (.cold)
        _Z1fv.cold.1  ==>  f() (.cold.1)
        _ZN3std2rt10lang_start17h0123456789abcdefE  ==>  std::rt::lang_start::h0123456789abcdef
        _ZN4core3fmt5Write9write_fmt17h3b1c8fccb249e03eE.llvm.16162919367440006393  ==>  core::fmt::Write::write_fmt::h3b1c8fccb249e03e (.llvm.16162919367440006393)
        ___Z1fv_block_invoke  ==>  invocation function for block in f()
        ___Z1fv_block_invoke_2  ==>  invocation function for block in f()
        ._Z1fv  ==>  .f()
        __imp__Z1fv  ==>  import thunk for f()
        _Z3bigIcENSt9enable_ifIXntgtstT_Li2EEiE4typeES1_  ==>  std::enable_if<!(sizeof (char) > 2), int>::type big<char>(char)
        _Z5callfIZ4instvE3LocEDTcldtfp_1fLi1ELi2EEET_  ==>  decltype(fp.f(1, 2)) callf<inst()::Loc>(inst()::Loc)
        _Z3eifUa9enable_ifILb1EEi  ==>  eif(int) [enable_if:true]
        _Z3frtIiEi2FrT_  ==>  int frt<int>(Fr, int)
        _Z4noexPDoFvvEM1AKDoFivRE  ==>  noex(void (*)() noexcept, int (A::*)() const & noexcept)
        _Z7depnameIiEvN3DepIT_E4typeENS0_IS3_E4typeE  ==>  void depname<int>(Dep<int>::type, Dep<Dep<int>::type>::type)
        _Z9invoke_itIRFiiEJiEEDTclclsr3stdE7forwardIT_Efp_Espclsr3stdE7forwardIT0_Efp0_EEEOS2_DpOS3_  ==>  decltype(std::forward<int (&)(int)>(fp)(std::forward<int>(fp0))) invoke_it<int (&)(int), int>(int (&)(int), int&&)
        _ZDC2gp2gqE  ==>  [gp, gq]
        _ZNSt5tupleIJicNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEEEC2IJicS5_ELb1ETnNSt9enable_ifIXclsr4_TCCIXT0_EEE29__is_implicitly_constructibleIDpT_EEEbE4typeELb1EEEDpOS9_  ==>  std::tuple<int, char, std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>>::tuple<int, char, std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>, true, true>(int&&, char&&, std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>&&)
        _ZNSt8functionIFiiEEC2I3$_9vEEOT_  ==>  std::function<int (int)>::function<$_9, void>($_9&&)
        _ZNSt6vectorISt3mapINSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEESt10unique_ptrIiSt14default_deleteIiEESt4lessIS6_ESaISt4pairIKS6_SA_EEESaISH_EED2Ev  ==>  std::vector<std::map<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>, std::unique_ptr<int, std::default_delete<int>>, std::less<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>>, std::allocator<std::pair<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>> const, std::unique_ptr<int, std::default_delete<int>>>>>, std::allocator<std::map<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>, std::unique_ptr<int, std::default_delete<int>>, std::less<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>>, std::allocator<std::pair<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>> const, std::unique_ptr<int, std::default_delete<int>>>>>>>::~vector()
      """;

  static Stream<String[]> cases() {
    return CASES.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .map(line -> line.split("  ==>  ", 2));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void demanglesAsLlvmCxxfilt19(String mangled, String expected) {
    assertEquals(expected, Demangler.demangle(mangled));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "main", "__original_main", "_Z", "_Zfoo", "_Z1", "_Z3fo", "_Z1fv_", "_Z1fvv", "_ZNSt", "_Z1fS_",
      "_Z1fIiEvT0_", "_ZTV", "_ZZ1fvE", "__Z1fv", "____Z1fv_block_invoke", "___Z1fv", "_Z1fILf3F800000EEvv",
      "foo.bar", "", "__imp_foo", "_Z1fDk"})
  void leavesNamesItCannotDemangleUnchanged(String name) {
    assertEquals(name, Demangler.demangle(name));
  }

  @Test
  void deepNestingGivesUpInsteadOfOverflowingTheStack() {
    String deep = "_Z1f" + "P".repeat(200_000) + "i";
    assertEquals(deep, Demangler.demangle(deep));
  }

  // Nesting and expansion are bounded by explicit limits (Cursor.MAX_NESTING, Printer.MAX_LENGTH), each giving the
  // name back unchanged; a StackOverflowError or OutOfMemoryError is no longer caught, so each of these would
  // fail with one without the limits.

  @Test
  void typesNestedAHundredThousandDeepComeBackUnchanged() {
    String deep = "_Z1f" + "P".repeat(100_000) + "iv";
    assertEquals(deep, Demangler.demangle(deep));
  }

  @Test
  void templateArgumentsNestedDeeplyComeBackUnchanged() {
    String deep = "_Z1f" + "1AI".repeat(100_000) + "i" + "E".repeat(100_000) + "v";
    assertEquals(deep, Demangler.demangle(deep));
  }

  @Test
  void expressionsNestedDeeplyComeBackUnchanged() {
    String deep = "_Z1fIXadadad" + "ngng".repeat(50_000) + "Li1E" + "EEvv";
    assertEquals(deep, Demangler.demangle(deep));
  }

  @Test
  void localNamesNestedDeeplyComeBackUnchanged() {
    String deep = "_Z" + "Z1fv".repeat(50_000) + "E1x".repeat(50_000);
    assertEquals(deep, Demangler.demangle(deep));
  }

  @Test
  void nestingUpToTheLimitStillDemangles() {
    String name = "_Z1f" + "P".repeat(Cursor.MAX_NESTING - 8) + "i";
    assertEquals("f(int" + "*".repeat(Cursor.MAX_NESTING - 8) + ")", Demangler.demangle(name));
  }

  @Test
  void aChainOfSubstitutionsEachOneDeeperComesBackUnchanged() {
    // Each parameter is a pointer to the one before (S_ = int*, S0_ = int**, ...): shallow to parse, but the tree
    // is 50000 deep and its text quadratic in the length of the name.
    StringBuilder name = new StringBuilder("_Z1fPiPS_");
    for (int i = 0; i < 50_000; i++) {
      name.append("PS").append(Integer.toString(i, 36).toUpperCase()).append('_');
    }
    String mangled = name.toString();
    assertEquals(mangled, Demangler.demangle(mangled));
  }

  @Test
  void substitutionsThatDoubleTheTextComeBackUnchanged() {
    // S_ = A; then each parameter is a pointer to a function taking the previous pointer twice (FvS1_S1_E is
    // void (S1_, S1_)), so the text doubles with every parameter: 2^60 characters for this 600-byte name.
    StringBuilder name = new StringBuilder("_Z1f1A");
    String previous = "S_";
    for (int i = 0; i < 60; i++) {
      name.append("PFv").append(previous).append(previous).append("E");
      previous = "S" + Integer.toString(2 * (i + 1) - 1, 36).toUpperCase() + "_";
    }
    String mangled = name.toString();
    assertEquals(mangled, Demangler.demangle(mangled));
  }

  @Test
  void theFirstDoublingsStillDemangle() {
    assertEquals("f(A, void (*)(A, A), void (*)(void (*)(A, A), void (*)(A, A)))",
        Demangler.demangle("_Z1f1APFvS_S_EPFvS1_S1_E"));
  }

  @Test
  void nestingAtTheLimitsFitsASmallStack() throws InterruptedException {
    // Linker threads have the default stack (1 MiB on 64-bit Linux); the limits must leave room to spare: half of it.
    String nested = "_Z1f" + "P".repeat(Cursor.MAX_NESTING - 8) + "i";
    StringBuilder chain = new StringBuilder("_Z1fPiPS_");
    for (int i = 0; i < Printer.MAX_DEPTH + 8; i++) {
      chain.append("PS").append(Integer.toString(i, 36).toUpperCase()).append('_');
    }
    String[] results = new String[2];
    Throwable[] thrown = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        results[0] = Demangler.demangle(nested);
        results[1] = Demangler.demangle(chain.toString());
      } catch (Throwable t) {
        thrown[0] = t;
      }
    }, "small-stack", 512 * 1024);
    thread.start();
    thread.join();
    assertEquals(null, thrown[0]);
    assertEquals("f(int" + "*".repeat(Cursor.MAX_NESTING - 8) + ")", results[0]);
    assertEquals(chain.toString(), results[1]);
  }
}
