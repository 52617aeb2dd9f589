#!/usr/bin/env node
// Runs the postlint binary of this machine's platform package. npm installs only the
// optionalDependency whose os/cpu/libc match, so the binary is found by package name; package.json's
// optionalDependencies is the list of platforms that have one.
"use strict";

const { spawnSync } = require("child_process");
const path = require("path");

function isMusl() {
  // glibc's version is in the process report on glibc systems and absent on musl ones.
  try {
    const report = process.report && process.report.getReport();
    const header = report && (typeof report === "string" ? JSON.parse(report) : report).header;
    return !(header && header.glibcVersionRuntime);
  } catch (_) {
    return false;
  }
}

// Package names to try, the preferred one first. A musl binary is static and runs on glibc
// systems too, so each libc falls back on the other.
function candidates() {
  const base = `@postlint/cli-${process.platform}-${process.arch}`;
  if (process.platform !== "linux") return [base];
  return isMusl() ? [`${base}-musl`, `${base}-gnu`] : [`${base}-gnu`, `${base}-musl`];
}

function findBinary() {
  if (process.env.POSTLINT_BINARY) return process.env.POSTLINT_BINARY;
  const exe = process.platform === "win32" ? "postlint.exe" : "postlint";
  for (const name of candidates()) {
    try {
      return require.resolve(`${name}/${exe}`);
    } catch (_) {
      // not installed; try the next one
    }
  }
  return null;
}

function fail(message) {
  process.stderr.write(`postlint: ${message}\n`);
  process.exit(2);
}

const binary = findBinary();
if (binary === null) {
  const wanted = candidates();
  const known = Object.keys(require(path.join(__dirname, "..", "package.json")).optionalDependencies || {});
  if (!wanted.some((name) => known.includes(name))) {
    fail(
      `no prebuilt binary for ${process.platform}-${process.arch}; packages exist for ${known
        .map((name) => name.replace("@postlint/cli-", ""))
        .join(", ")}. Build it with: cargo install --locked --git https://github.com/postlint/postlint`
    );
  }
  fail(
    `the platform package ${wanted[0]} is not installed. It is an optional dependency of postlint: ` +
      `reinstall without --no-optional / --omit=optional (and with the lockfile made on a machine ` +
      `that could install it), or set POSTLINT_BINARY to a postlint binary.`
  );
}

const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: true });
if (result.error) {
  fail(`could not run ${binary}: ${result.error.message}`);
}
if (result.signal) {
  // Die of the same signal, so that the caller sees what the binary saw.
  process.kill(process.pid, result.signal);
}
process.exit(result.status === null ? 2 : result.status);
