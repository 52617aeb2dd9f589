#!/usr/bin/env bash
# Builds the PyPI wheel (maturin) and this platform's npm tarballs, installs each into a throwaway
# venv / npm project, and runs postlint from there with no Rust toolchain on PATH: `--version`,
# and `check` on the example posts, whose output and exit code must be the release binary's.
#   scripts/package-test.sh
# Reuses target/release (or CARGO_TARGET_DIR): run after `cargo build --release --locked`, and
# only the binary is relinked. Needs python3 with venv, node and npm; maturin is pip-installed
# when missing. Installs are offline: nothing is fetched for either package.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$repo_root/target}
version=$(awk '/^\[/{p=($0=="[package]")} p && /^version *=/{gsub(/.*= *"|".*/,""); print; exit}' "$repo_root/Cargo.toml")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# What the packages are run with: the venv or node_modules/.bin first, then only the system's
# directories, where no cargo or rustc lives.
bare_path=/usr/bin:/bin
for tool in cargo rustc; do
    if PATH=$bare_path command -v "$tool" >/dev/null; then
        echo "package-test: $tool is on $bare_path; the test could not tell a package from a toolchain" >&2
        exit 1
    fi
done

fail() { echo "FAIL [$1]: $2" >&2; exit 1; }

# The release workflow builds a platform package for every platform the launcher may look for.
released=$(sed -n 's/.*npm: \([a-z0-9-]*\) }.*/\1/p' "$repo_root/.github/workflows/release.yml" | sort)
known=$(node -p 'Object.keys(require(process.argv[1]).optionalDependencies).map((n) => n.replace("@postlint/cli-", "")).sort().join("\n")' \
    "$repo_root/npm/postlint/package.json")
[ "$released" = "$known" ] \
    || fail platforms "release.yml builds [${released//$'\n'/ }], npm/postlint/package.json lists [${known//$'\n'/ }]"

# The expected run: the release binary itself, on a copy of the examples.
cargo build --release --locked --quiet --manifest-path "$repo_root/Cargo.toml"
release_bin="$target_dir/release/postlint"
cp -R "$repo_root/examples" "$work/examples"
set +e
(cd "$work" && "$release_bin" check --color never --format concise examples >"$work/expected.txt" 2>&1)
expected_code=$?
set -e
[ "$expected_code" -eq 1 ] || fail release "check examples exited $expected_code, expected 1"
grep -q '^examples/duplicate-key.md:4:1: error\[FM005\]' "$work/expected.txt" \
    || fail release "no FM005 for examples/duplicate-key.md"

# check_install KIND DIR: postlint from DIR (a bin directory) behaves as the release binary.
check_install() {
    local kind=$1 bindir=$2 out code
    out=$(cd "$work" && env PATH="$bindir:$bare_path" postlint --version) || fail "$kind" "--version failed"
    [ "$out" = "postlint $version" ] || fail "$kind" "--version printed \"$out\", expected \"postlint $version\""
    [ "$(cd "$work" && PATH="$bindir:$bare_path" command -v postlint)" = "$bindir/postlint" ] \
        || fail "$kind" "postlint is not the installed one"
    set +e
    (cd "$work" && env PATH="$bindir:$bare_path" postlint check --color never --format concise examples >"$work/$kind.txt" 2>&1)
    code=$?
    set -e
    [ "$code" -eq "$expected_code" ] || fail "$kind" "check examples exited $code, expected $expected_code"
    diff -u "$work/expected.txt" "$work/$kind.txt" || fail "$kind" "check examples printed other output than the release binary"
    (cd "$work" && env PATH="$bindir:$bare_path" postlint check --color never examples/clean-post.md >/dev/null) \
        || fail "$kind" "check of a clean post failed"
    echo "ok [$kind]: postlint $version runs without a Rust toolchain; check examples exits $code with the release binary's output"
}

# The wheel, built with maturin into the same target directory.
python3 -m maturin --version >/dev/null 2>&1 \
    || python3 -m pip install --quiet --disable-pip-version-check maturin
(cd "$repo_root" && python3 -m maturin build --release --locked --target-dir "$target_dir" --out "$work/wheels" >"$work/maturin.log" 2>&1) \
    || { cat "$work/maturin.log" >&2; fail pip "maturin build failed"; }
wheel=$(ls "$work"/wheels/postlint-"$version"-*.whl) || fail pip "maturin wrote no postlint-$version wheel"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index "$wheel"
check_install pip "$work/venv/bin"

# The npm packages from the same release binary, installed from the tarballs alone.
POSTLINT_BIN="$release_bin" "$repo_root/scripts/build-npm.sh" "$work/npm" >/dev/null
mkdir "$work/site"
echo '{"name": "site", "version": "1.0.0", "private": true}' > "$work/site/package.json"
(cd "$work/site" && env PATH=$bare_path npm install --offline --no-audit --no-fund --silent \
    "$work/npm/postlint-$version.tgz" "$work"/npm/postlint-cli-*-"$version".tgz)
check_install npm "$work/site/node_modules/.bin"

# Without its platform package the launcher says what is missing instead of a stack trace.
mkdir "$work/bare"
echo '{"name": "bare", "version": "1.0.0", "private": true}' > "$work/bare/package.json"
(cd "$work/bare" && env PATH=$bare_path npm install --offline --no-audit --no-fund --silent "$work/npm/postlint-$version.tgz")
set +e
out=$(cd "$work/bare" && env PATH=$bare_path node_modules/.bin/postlint --version 2>&1)
code=$?
set -e
[ "$code" -eq 2 ] || fail npm-missing "exited $code without a platform package, expected 2"
[[ $out == "postlint: the platform package @postlint/cli-"*" is not installed."* ]] \
    || fail npm-missing "unexpected message: $out"
echo "ok [npm-missing]: without the platform package the launcher exits 2 and names it"
echo "package-test: the wheel and the npm packages behaved as expected"
