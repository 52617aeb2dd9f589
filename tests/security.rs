//! Content a pull request controls cannot make postlint read or reveal files outside the
//! repository: symlinked posts, folders, images, schemas and configs that lead out of it, and
//! image paths that climb above the site root.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;

use common::{outcome, postlint_in};

/// Bytes that appear only in the files outside the repository.
const SECRET: &str = "SECRET-9f3a7c-TOKEN";

const FORMATS: &[&str] = &[
    "full",
    "concise",
    "json",
    "json-lines",
    "sarif",
    "github",
    "gitlab",
    "junit",
];

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// `outside/` beside `repo/` (a git work tree holding a Hexo site).
fn setup() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside");
    // A post whose errors would print its lines: a duplicated key and a bad date.
    write(
        &outside.join("secret.md"),
        &format!("---\ntitle: {SECRET}\ntitle: {SECRET}\ndate: {SECRET}\n---\n{SECRET} <script>{SECRET}</script>\n"),
    );
    write(
        &outside.join("posts/inner.md"),
        &format!("---\ntitle: {SECRET}\ntitle: x\n---\n"),
    );
    write(&outside.join("image.png"), SECRET);
    write(
        &outside.join("schema.json"),
        &format!("{{\"title\": \"{SECRET}\", \"required\": [\"{SECRET}\"]}}"),
    );
    write(&outside.join("base.toml"), &format!("{SECRET} = = =\n"));

    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    write(&repo.join("_config.yml"), "title: site\n");
    write(
        &repo.join("source/_posts/ok.md"),
        "---\ntitle: fine\n---\nText.\n",
    );
    symlink(
        "../../../outside/secret.md",
        repo.join("source/_posts/leak.md"),
    )
    .unwrap();
    symlink("../../../outside/posts", repo.join("source/_posts/linked")).unwrap();
    std::fs::create_dir_all(repo.join("source/img")).unwrap();
    symlink(
        "../../../outside/image.png",
        repo.join("source/img/linked.png"),
    )
    .unwrap();
    tmp
}

#[test]
fn a_symlinked_post_named_on_the_command_line_is_not_read_in_any_format() {
    let tmp = setup();
    let repo = tmp.path().join("repo");
    for format in FORMATS {
        let (code, out, err) = outcome(postlint_in(&repo).args([
            "check",
            "--format",
            format,
            "source/_posts/leak.md",
            "source/_posts/linked",
            "source/_posts/ok.md",
        ]));
        assert_eq!(code, 2, "{format}: {out}{err}");
        assert!(
            !out.contains(SECRET) && !err.contains(SECRET),
            "{format}: {out}{err}"
        );
        assert!(
            !out.contains("outside/") && !err.contains("outside/"),
            "{format}: the target is named: {out}{err}"
        );
        assert!(out.contains("leak.md"), "{format}: {out}");
        assert!(out.contains("linked"), "{format}: {out}");
    }
    let (_, out, _) =
        outcome(postlint_in(&repo).args(["check", "--format", "concise", "source/_posts/leak.md"]));
    assert!(
        out.contains("source/_posts/leak.md:1:1: error[PL000] not read: this path leads outside the repository root"),
        "{out}"
    );
}

#[test]
fn walks_skip_symlinks_and_show_files_lists_only_real_posts() {
    let tmp = setup();
    let repo = tmp.path().join("repo");
    let (code, out, err) = outcome(postlint_in(&repo).args(["check", "--show-files", "."]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.trim(), "./source/_posts/ok.md");
    let (code, out, err) = outcome(postlint_in(&repo).args(["check", "--format", "json", "."]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(!out.contains(SECRET));
}

#[test]
fn follow_symlinks_outside_reads_them_when_asked() {
    let tmp = setup();
    let repo = tmp.path().join("repo");
    let (code, out, _) = outcome(postlint_in(&repo).args([
        "check",
        "--follow-symlinks-outside",
        "--format",
        "concise",
        "source/_posts/leak.md",
    ]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FM005"), "{out}");
}

#[test]
fn inspect_refuses_a_symlink_out_of_the_repository() {
    let tmp = setup();
    let repo = tmp.path().join("repo");
    let (code, out, err) = outcome(postlint_in(&repo).args(["inspect", "source/_posts/leak.md"]));
    assert_eq!(code, 2);
    assert!(!out.contains(SECRET) && !err.contains(SECRET), "{out}{err}");
    assert!(err.contains("leads outside the repository root"), "{err}");
}

/// The findings of a post whose image paths climb out of the site, with the target created
/// (`exists`) or not: they must be the same, byte for byte.
fn climbing_findings(exists: bool) -> String {
    let tmp = setup();
    let repo = tmp.path().join("repo");
    let target = tmp.path().join("outside/there.png");
    if exists {
        write(&target, SECRET);
    }
    write(
        &repo.join("source/_posts/climb.md"),
        "---\ntitle: climb\n---\n![a](../../../outside/there.png)\n![b](/../../outside/there.png)\n<img src=\"../../../../../../../../../../../../etc/passwd\" alt=\"c\">\n![d](/img/linked.png)\n",
    );
    let (code, out, err) = outcome(postlint_in(&repo).args([
        "check",
        "--format",
        "concise",
        "--select",
        "IMG009",
        "source/_posts/climb.md",
    ]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(!out.contains(SECRET));
    out
}

#[test]
fn image_paths_above_the_site_root_are_reported_the_same_whether_or_not_the_target_exists() {
    let missing = climbing_findings(false);
    let present = climbing_findings(true);
    assert_eq!(missing, present);
    let lines: Vec<&str> = missing.lines().collect();
    assert!(lines[0].starts_with("source/_posts/climb.md:4:6: error[IMG009] image path `../../../outside/there.png` for Markdown image climbs above the site root"), "{missing}");
    assert!(
        lines[1].contains(":5:6: error[IMG009] image path `/../../outside/there.png`"),
        "{missing}"
    );
    assert!(
        lines[2].contains(
            ":6:11: error[IMG009] image path `../../../../../../../../../../../../etc/passwd`"
        ),
        "{missing}"
    );
    assert!(lines[3].contains(":7:6: error[IMG009] image file `/img/linked.png` for Markdown image leads outside the repository through a symlink"), "{missing}");
    assert_eq!(lines.len(), 5, "{missing}");
}

#[test]
fn schemas_and_extended_configs_may_not_lead_out_of_the_repository() {
    let tmp = setup();
    let repo = tmp.path().join("repo");
    symlink("../outside/schema.json", repo.join("schema.json")).unwrap();
    write(&repo.join("postlint.toml"), "schema = \"schema.json\"\n");
    let (code, out, err) = outcome(postlint_in(&repo).args(["check", "source/_posts/ok.md"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("outside the repository"), "{err}");
    assert!(!out.contains(SECRET) && !err.contains(SECRET), "{out}{err}");

    write(
        &repo.join("postlint.toml"),
        "extend = \"../outside/base.toml\"\n",
    );
    let (code, out, err) = outcome(postlint_in(&repo).args(["check", "source/_posts/ok.md"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("outside the repository"), "{err}");
    assert!(!out.contains(SECRET) && !err.contains(SECRET), "{out}{err}");

    std::fs::remove_file(repo.join("postlint.toml")).unwrap();
    symlink("../outside/base.toml", repo.join("base.toml")).unwrap();
    write(&repo.join("postlint.toml"), "extend = \"base.toml\"\n");
    let (code, _, err) = outcome(postlint_in(&repo).args(["check", "source/_posts/ok.md"]));
    assert_eq!(code, 2, "{err}");
    assert!(!err.contains(SECRET), "{err}");
}

#[test]
fn a_folder_named_outside_the_run_is_its_own_repository() {
    // `postlint check ../other-site` reads that site, and symlinks in it still may not lead out.
    let tmp = setup();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let (code, out, err) = outcome(postlint_in(&elsewhere).args([
        "check",
        "--format",
        "concise",
        "../repo/source/_posts/ok.md",
        "../repo/source/_posts/leak.md",
    ]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(out.contains("leak.md:1:1: error[PL000] not read"), "{out}");
    assert!(!out.contains(SECRET));
}
