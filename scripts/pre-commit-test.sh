#!/usr/bin/env bash
# Checks the pre-commit hooks of .pre-commit-hooks.yaml with the real pre-commit tool, in a
# throwaway git repository: a bad post fails the commit, a good one passes, an excluded draft
# passes (the hooks pass --force-exclude).
#   scripts/pre-commit-test.sh [system] [rust]   (default: both)
# Needs `pre-commit` on PATH (pip install pre-commit). `rust` builds postlint through pre-commit's
# own `cargo install`, which takes a few minutes.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
modes=${*:-"system rust"}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ " $modes " == *" system "* ]]; then
    cargo build --release --quiet --manifest-path "$repo_root/Cargo.toml"
    export PATH="$repo_root/target/release:$PATH"
fi

# try-repo needs the hook repository's state committed; use a snapshot of the working tree.
hooks="$work/hooks"
git -C "$repo_root" worktree add --detach --quiet "$hooks" HEAD
trap 'git -C "$repo_root" worktree remove --force "$hooks" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

run_case() {
    local mode=$1 hook=$2
    local site="$work/site-$mode"
    git init --quiet "$site"
    git -C "$site" config user.email ci@example.com
    git -C "$site" config user.name ci
    cat > "$site/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: $hook
YAML
    mkdir -p "$site/source/_posts"
    printf -- '---\ntitle: 好的文章\ndate: 2024-03-01 10:00:00\n---\n\n正文。\n' > "$site/source/_posts/good.md"
    git -C "$site" add -A
    (cd "$site" && pre-commit install --install-hooks >/dev/null && git commit --quiet -m good) \
        || { echo "FAIL [$mode]: a clean post was refused"; exit 1; }
    echo "ok [$mode]: a clean post commits"

    printf -- '---\ntitle: 坏的文章\ntitle: 重复\n---\n\n正文。\n' > "$site/source/_posts/bad.md"
    git -C "$site" add -A
    if (cd "$site" && git commit --quiet -m bad >"$work/out-$mode.txt" 2>&1); then
        cat "$work/out-$mode.txt"
        echo "FAIL [$mode]: a post with a duplicate key was committed"
        exit 1
    fi
    grep -q "FM005" "$work/out-$mode.txt" || { cat "$work/out-$mode.txt"; echo "FAIL [$mode]: no FM005 in the hook's output"; exit 1; }
    echo "ok [$mode]: a post with a duplicate key is refused, with FM005 shown"

    # The hooks pass --force-exclude: a staged draft that [files] exclude skips does not block.
    git -C "$site" rm --quiet --cached source/_posts/bad.md
    rm "$site/source/_posts/bad.md"
    printf '[files]\nexclude = ["source/_drafts/**"]\n' > "$site/postlint.toml"
    mkdir -p "$site/source/_drafts"
    printf -- '---\ntitle: 草稿\ntitle: 重复\n---\n' > "$site/source/_drafts/wip.md"
    git -C "$site" add -A
    (cd "$site" && git commit --quiet -m draft >"$work/out-$mode.txt" 2>&1) \
        || { cat "$work/out-$mode.txt"; echo "FAIL [$mode]: an excluded draft was refused"; exit 1; }
    echo "ok [$mode]: a draft excluded by [files] exclude commits (the hook passes --force-exclude)"
}

for mode in $modes; do
    case $mode in
        system) run_case system postlint-system ;;
        rust) run_case rust postlint ;;
        *) echo "unknown mode $mode"; exit 2 ;;
    esac
done
echo "pre-commit hooks: every case behaved as expected"
