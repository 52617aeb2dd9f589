#!/usr/bin/env bash
# Usage: fuzz/run.sh TARGET SECONDS [LOG]
# Builds and runs one cargo-fuzz target for SECONDS with its kept corpus (fuzz/corpus/TARGET) plus
# fuzz/seeds and the real posts in ../shared/corpus as seeds (read in place, never written), and prefixes every
# libFuzzer line with the seconds since the start, so a plateau (no new coverage for a long
# stretch) shows in the log. FUZZ_BIN_DIR=dir runs prebuilt binaries from dir instead of
# building, so long runs are not disturbed by edits to the tree. FUZZ_MAX_LEN caps input size
# (default 65536 bytes, a long post; smaller runs faster and reaches a plateau sooner).
set -euo pipefail
target=$1 seconds=$2 log=${3:-/dev/stderr}
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../.." && pwd)/shared/corpus
mkdir -p "$here/corpus/$target" "$here/artifacts/$target"
# fuzz/seeds holds hand-written hostile shapes (CSS, srcdoc, entities, huge attributes).
seeds=("$here/seeds")
for d in seed rsshub-page hexo-site; do
  if [ -d "$shared/$d" ]; then seeds+=("$shared/$d"); fi
done
cd "$here"
if [ -n "${FUZZ_BIN_DIR:-}" ]; then
  bin=$FUZZ_BIN_DIR/$target
else
  RUSTC_BOOTSTRAP=1 cargo fuzz build -O "$target"
  bin=$(find target -path "*/release/$target" -type f | head -n 1)
fi
"$bin" "corpus/$target" "${seeds[@]}" \
  -max_total_time="$seconds" -max_len="${FUZZ_MAX_LEN:-65536}" -print_final_stats=1 \
  -artifact_prefix="artifacts/$target/" 2>&1 |
  perl -ne 'BEGIN { $|=1; $t0=time } printf "%5d %s", time-$t0, $_' >"$log"
