package com.google.re2j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * An oracle for tests: the runes a match of a regex can start with, read from the program RE2J
 * compiles and runs (after its own simplification), not from any parse tree. From the program's
 * start, every instruction reachable without consuming a rune is followed (empty-width assertions
 * taken as satisfiable, so this holds every true start rune and possibly more); the rune
 * instructions reached decide, through RE2J's own {@code Inst.matchRune}.
 */
public final class ProgramStarts {

  private final List<Inst> firstRunes = new ArrayList<>();
  private final boolean matchesEmpty;

  private ProgramStarts(Prog prog) {
    BitSet seen = new BitSet();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(prog.start);
    boolean empty = false;
    while (!todo.isEmpty()) {
      int pc = todo.pop();
      if (seen.get(pc)) {
        continue;
      }
      seen.set(pc);
      Inst i = prog.getInst(pc);
      switch (i.op) {
        case Inst.ALT, Inst.ALT_MATCH -> {
          todo.push(i.out);
          todo.push(i.arg);
        }
        case Inst.CAPTURE, Inst.EMPTY_WIDTH, Inst.NOP -> todo.push(i.out);
        case Inst.MATCH -> empty = true;
        case Inst.FAIL -> {}
        default -> firstRunes.add(i);
      }
    }
    this.matchesEmpty = empty;
  }

  /** The oracle for {@code regex} as {@code Pattern.compile(regex)} compiles it. */
  public static ProgramStarts of(String regex) {
    return new ProgramStarts(Pattern.compile(regex).re2().prog);
  }

  /** Whether some match (assertions aside) can start with {@code rune}. */
  public boolean canStartWith(int rune) {
    for (Inst i : firstRunes) {
      if (i.matchRune(rune)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the program reaches a match without consuming a rune (assertions aside). */
  public boolean matchesEmpty() {
    return matchesEmpty;
  }
}
