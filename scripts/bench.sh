#!/usr/bin/env bash
# Reruns BENCHMARKS.md: postlint against the parsing floor and against the peers on the same
# posts, then the scaling run (100,000 posts: time per post and peak memory) and one post.
#
#   scripts/bench.sh [CORPUS]          everything (about 5 minutes on 2 cores; the peers are
#                                      installed from npm and PyPI into target/bench/peers)
#   scripts/bench.sh --quick [CORPUS]  the regression guard: postlint and the floor only, a few
#                                      runs, and the floor ratio
#
# CORPUS defaults to ../shared/corpus. Needs hyperfine and GNU time (/usr/bin/time); the peers
# need node/npm and python3. Results (hyperfine's Markdown and JSON) go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=
if [ "${1:-}" = --quick ]; then
    quick=yes
    shift
fi
corpus=$(cd "${1:-../shared/corpus}" && pwd)
out=$PWD/target/bench
mkdir -p "$out"

for tool in hyperfine /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bench.sh: $tool not found (Debian: apt-get install hyperfine time)" >&2; exit 2; }
done

cargo build --release --locked --quiet --bin postlint --example parse-floor
postlint=$PWD/target/release/postlint
floor=$PWD/target/release/examples/parse-floor

echo "== machine"
echo "cpus: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "postlint $("$postlint" --version | cut -d' ' -f2), $(rustc --version), hyperfine $(hyperfine --version | cut -d' ' -f2)"
echo "corpus: $corpus ($("$postlint" check --no-config --show-files "$corpus" | wc -l) posts)"

# The floor ratio: postlint (default rules, JSON output, process included) over the floor.
ratio() {
    python3 - "$1" <<'EOF'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = runs["floor"]["median"]
for name, r in runs.items():
    print(f"{name:>24}: median {r['median']*1000:8.1f} ms  ({r['median']/floor:.2f}x the floor)")
EOF
}

cd "$corpus"
if [ -n "$quick" ]; then
    hyperfine --warmup 1 --runs 5 --export-json "$out/quick.json" \
        -n floor "$floor ." \
        -n postlint "$postlint check --no-config --exit-zero --format json . > /dev/null"
    ratio "$out/quick.json"
    exit 0
fi

echo "== postlint and the floor"
hyperfine --warmup 2 --runs 10 --export-json "$out/postlint.json" --export-markdown "$out/postlint.md" \
    -n floor "$floor ." \
    -n postlint "$postlint check --no-config --exit-zero --format json . > /dev/null" \
    -n "postlint --preset hexo" "$postlint check --no-config --preset hexo --exit-zero --format json . > /dev/null" \
    -n "postlint --preset jekyll" "$postlint check --no-config --preset jekyll --exit-zero --format json . > /dev/null" \
    -n "postlint --preset hugo" "$postlint check --no-config --preset hugo --exit-zero --format json . > /dev/null" \
    -n "postlint --select FM" "$postlint check --no-config --select FM --exit-zero --format json . > /dev/null"
ratio "$out/postlint.json"

echo "== the peers"
peers=$out/peers
if [ ! -x "$peers/node_modules/.bin/markdownlint-cli2" ]; then
    mkdir -p "$peers"
    (cd "$peers" && { [ -f package.json ] || npm init -y >/dev/null; } \
        && npm install --no-audit --no-fund --silent markdownlint-cli2 html-validate htmlhint)
fi
if [ ! -x "$peers/venv/bin/rumdl" ]; then
    python3 -m venv "$peers/venv"
    "$peers/venv/bin/pip" install --quiet --disable-pip-version-check rumdl
fi
bin=$peers/node_modules/.bin
echo "rumdl $("$peers/venv/bin/rumdl" --version | cut -d' ' -f2), markdownlint-cli2 $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$peers/node_modules/markdownlint-cli2/package.json"), html-validate $(cd "$peers" && node -p 'require("html-validate/package.json").version'), htmlhint $(cd "$peers" && node -p 'require("htmlhint/package.json").version')"
# Each peer over the same posts, with its default rules; they find problems, so exit codes are
# ignored. html-validate takes tens of seconds a run, so every peer gets 3 runs.
hyperfine --warmup 1 --runs 3 -i --export-json "$out/peers.json" --export-markdown "$out/peers.md" \
    -n floor "$floor ." \
    -n postlint "$postlint check --no-config --exit-zero --format json . > /dev/null" \
    -n rumdl "$peers/venv/bin/rumdl check --no-config . > /dev/null" \
    -n markdownlint-cli2 "$bin/markdownlint-cli2 '**/*.md' > /dev/null 2>&1" \
    -n htmlhint "$bin/htmlhint '**/*.md' > /dev/null" \
    -n html-validate "$bin/html-validate --ext md . > /dev/null"
ratio "$out/peers.json"

echo "== scaling: the corpus 15 times over"
big=$out/corpus-x15
if [ ! -d "$big/copy15" ]; then
    rm -rf "$big"
    mkdir -p "$big"
    for i in $(seq -w 1 15); do cp -r "$corpus" "$big/copy$i"; done
fi
posts_small=$("$postlint" check --no-config --show-files . | wc -l)
posts_big=$("$postlint" check --no-config --show-files "$big" | wc -l)
measure() { # label, dir, format
    /usr/bin/time -f "%e %M" -o "$out/time.txt" "$postlint" check --no-config --exit-zero --quiet --format "$3" "$2" > /dev/null
    read -r secs kb < "$out/time.txt"
    echo "$1 $3: ${secs} s, peak ${kb} KB"
}
for format in json full html; do
    measure "$posts_small posts" . "$format"
    measure "$posts_big posts" "$big" "$format"
done
hyperfine --warmup 1 --runs 3 --export-json "$out/scaling.json" \
    -n small "$postlint check --no-config --exit-zero --format json . > /dev/null" \
    -n big "$postlint check --no-config --exit-zero --format json $big > /dev/null"
python3 - "$out/scaling.json" "$posts_small" "$posts_big" <<'EOF'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
small, big = int(sys.argv[2]), int(sys.argv[3])
a, b = r["small"] / small * 1e6, r["big"] / big * 1e6
print(f"time per post: {a:.1f} us at {small} posts, {b:.1f} us at {big} posts ({b/a:.2f}x)")
EOF

echo "== one post, process start included"
one=$(find . -name '*.md' -size +4k | sort | head -1)
hyperfine --warmup 3 --runs 30 -N -i "$postlint check --no-config $one"
