#!/usr/bin/env bash
# Writes the npm packages for one platform into OUTDIR with `npm pack`: the main package
# `postlint` (the JS launcher in npm/postlint) and the platform package `@postlint/cli-PLATFORM`
# holding the binary. Versions are Cargo.toml's.
#   scripts/build-npm.sh OUTDIR
# POSTLINT_BIN=PATH         package this binary instead of building target/release/postlint
# POSTLINT_NPM_PLATFORM=P   the platform package to write (default: this machine's), one of the
#                           names in npm/postlint/package.json's optionalDependencies without
#                           `@postlint/cli-`, e.g. linux-arm64-musl (for a cross-built binary)
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ne 1 ]; then
    echo "usage: scripts/build-npm.sh OUTDIR" >&2
    exit 2
fi
mkdir -p "$1"
outdir=$(cd "$1" && pwd)

# The [package] table's version, the first `version =` in it.
version=$(awk '/^\[/{p=($0=="[package]")} p && /^version *=/{gsub(/.*= *"|".*/,""); print; exit}' "$repo_root/Cargo.toml")
[ -n "$version" ] || { echo "build-npm.sh: no version in Cargo.toml's [package]" >&2; exit 1; }

platform=${POSTLINT_NPM_PLATFORM:-}
if [ -z "$platform" ]; then
    platform=$(node -p 'process.platform + "-" + process.arch')
    if [[ $platform == linux-* ]]; then
        if ldd --version 2>&1 | grep -qi musl; then platform+=-musl; else platform+=-gnu; fi
    fi
fi
if ! node -e 'process.exit(Object.keys(require(process.argv[1]).optionalDependencies).includes(process.argv[2]) ? 0 : 1)' \
    "$repo_root/npm/postlint/package.json" "@postlint/cli-$platform"; then
    echo "build-npm.sh: @postlint/cli-$platform is not among npm/postlint/package.json's optionalDependencies" >&2
    exit 1
fi

exe=postlint
[[ $platform == win32-* ]] && exe=postlint.exe
bin=${POSTLINT_BIN:-}
if [ -z "$bin" ]; then
    cargo build --release --locked --quiet --manifest-path "$repo_root/Cargo.toml"
    bin="${CARGO_TARGET_DIR:-$repo_root/target}/release/$exe"
fi
[ -f "$bin" ] || { echo "build-npm.sh: no binary at $bin" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# The main package, its version and its platform packages' versions stamped.
cp -R "$repo_root/npm/postlint" "$stage/main"
cp "$repo_root/README.md" "$stage/main/README.md"
node - "$stage/main/package.json" "$version" <<'JS'
const fs = require("fs");
const [file, version] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
pkg.version = version;
for (const name of Object.keys(pkg.optionalDependencies)) pkg.optionalDependencies[name] = version;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
JS

# The platform package: one binary, installed only where os, cpu (and libc) match.
mkdir "$stage/platform"
cp "$bin" "$stage/platform/$exe"
chmod 755 "$stage/platform/$exe"
node - "$stage/platform/package.json" "$stage/main/package.json" "$platform" "$exe" <<'JS'
const fs = require("fs");
const [file, mainFile, platform, exe] = process.argv.slice(2);
const main = JSON.parse(fs.readFileSync(mainFile, "utf8"));
const [os, cpu, libc] = platform.split("-");
const pkg = {
  name: `@postlint/cli-${platform}`,
  version: main.version,
  description: `The postlint binary for ${platform}; install postlint, which depends on it`,
  license: main.license,
  repository: main.repository,
  os: [os],
  cpu: [cpu],
};
if (libc) pkg.libc = [libc === "gnu" ? "glibc" : libc];
pkg.files = [exe];
pkg.preferUnplugged = true;
fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n");
JS
printf '# @postlint/cli-%s\n\nThe postlint binary for %s. Install [postlint](https://www.npmjs.com/package/postlint), which picks it.\n' \
    "$platform" "$platform" > "$stage/platform/README.md"

for dir in main platform; do
    (cd "$stage/$dir" && npm pack --silent --pack-destination "$outdir" >/dev/null)
done
ls "$outdir"/postlint-"$version".tgz "$outdir"/postlint-cli-"$platform"-"$version".tgz
