#!/usr/bin/env node
// Compare `postlint inspect` with Hexo's front matter parser (hexo-front-matter's `parse`).
//
//   node compare.js [--bin PATH] [--parser v5|v4] [--jobs N] [--quiet] [--show-dates] FILE|DIR...
//
// The postlint binary comes from --bin or POSTLINT_BIN. Directories are searched for .md,
// .markdown and .html files. Files are read the way hexo-fs reads them (UTF-8, BOM stripped,
// CRLF turned into LF) before they reach `parse`.
//
// --parser v5 (default) is the latest hexo-front-matter (5.x, eemeli/yaml 2); --parser v4 is
// hexo-front-matter 4.2.1 (js-yaml 4), the version Hexo 8 itself depends on.
//
// Hexo turns plain timestamps into Date objects where postlint keeps the text. A Date on Hexo's
// side counts as equal when postlint's string, parsed alone by the same YAML library with the same
// timestamp rule, gives the same instant; those are counted, not printed (unless --show-dates).
// Hexo's `_content` (the body) is ignored. No front matter (Hexo's `{}`) equals postlint's `null`.
//
// Every other difference is printed as a tab-separated line:
//   DIFF <file> <category> <JSON pointer> hexo=<value> postlint=<value>
// Files that both sides reject, and files Hexo rejects while postlint reports an error finding
// (both-refuse), are listed as INFO lines; then comes a summary. The exit status is
// 1 when any difference other than dates remains, 2 on a usage or tool failure, 0 otherwise.
'use strict';

process.env.TZ = 'UTC'; // hexo-front-matter 4 shifts Dates by the machine's offset; make it 0.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile } = require('child_process');
const { createRequire } = require('module');

function usage(message) {
  if (message) console.error(`compare.js: ${message}`);
  console.error('usage: node compare.js [--bin PATH] [--parser v5|v4] [--jobs N] [--quiet] [--show-dates] FILE|DIR...');
  process.exit(2);
}

const args = { bin: process.env.POSTLINT_BIN, parser: 'v5', jobs: Math.max(2, os.cpus().length), quiet: false, showDates: false, inputs: [] };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const value = () => (i + 1 < process.argv.length ? process.argv[++i] : usage(`${a} needs a value`));
  if (a === '--bin') args.bin = value();
  else if (a === '--parser') args.parser = value();
  else if (a === '--jobs') args.jobs = Number(value());
  else if (a === '--quiet') args.quiet = true;
  else if (a === '--show-dates') args.showDates = true;
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else args.inputs.push(a);
}
if (!args.bin) usage('give the postlint binary with --bin or POSTLINT_BIN');
if (!['v4', 'v5'].includes(args.parser)) usage('--parser is v4 or v5');
if (!(args.jobs >= 1)) usage('--jobs must be a positive number');
if (args.inputs.length === 0) usage('no files given');

// --- Hexo's side ----------------------------------------------------------------------------

const pkg = args.parser === 'v5' ? 'hexo-front-matter' : 'hexo-front-matter-v4';
const hexo = require(pkg);
const pkgRequire = createRequire(require.resolve(pkg));
const pkgVersion = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', pkg, 'package.json'), 'utf8')).version;

// Parses a lone scalar the way Hexo's YAML library resolves it, to check a Date against text.
let scalarDate;
if (args.parser === 'v5') {
  const YAML = pkgRequire('yaml');
  const { timestampFactory } = pkgRequire('./timestamp');
  scalarDate = (text) => YAML.parse(text, { customTags: [timestampFactory()] });
} else {
  const jsyaml = pkgRequire('js-yaml');
  scalarDate = (text) => jsyaml.load(text);
}

// yaml 2 reports warnings (unresolved tags and the like) through process.emitWarning.
let warnings = [];
const emitWarning = process.emitWarning;
process.emitWarning = (w, ...rest) => {
  if (warnings) warnings.push(String(w && w.message ? w.message : w));
  else emitWarning.call(process, w, ...rest);
};

function readLikeHexoFs(file) {
  let text = fs.readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n/g, '\n');
}

function hexoParse(file) {
  warnings = [];
  const text = readLikeHexoFs(file);
  try {
    const data = hexo.parse(text);
    let value;
    if (Array.isArray(data)) {
      value = data; // `_content` is a property of the array; JSON does not see it
    } else {
      value = { ...data };
      delete value._content;
    }
    const split = hexo.split(text);
    return { ok: true, value, warnings, split: split.data === undefined ? 'none' : split.prefixSeparator ? 'fenced' : 'unfenced' };
  } catch (err) {
    return { ok: false, error: String(err && err.message ? err.message : err).split('\n')[0], warnings };
  } finally {
    warnings = null;
  }
}

// --- postlint's side ------------------------------------------------------------------------

function postlintInspect(file) {
  return new Promise((resolve) => {
    execFile(args.bin, ['inspect', file], { maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      if (code === 0) {
        try {
          resolve({ ok: true, value: JSON.parse(stdout) });
        } catch (e) {
          resolve({ ok: false, tool: true, error: `unreadable output: ${e.message}` });
        }
      } else if (code === 1 && /invalid front matter/.test(stderr)) {
        resolve({ ok: false, error: stderr.trim().split('\n')[0] });
      } else {
        resolve({ ok: false, tool: true, error: `exit ${code}: ${(stderr || String(err)).trim().split('\n')[0]}` });
      }
    });
  });
}

// Where Hexo throws but postlint reads the value, postlint must still refuse the file with an
// error finding (a duplicate key is FM005): then the two agree that the post is broken.
function postlintErrors(file) {
  return new Promise((resolve) => {
    execFile(args.bin, ['check', '--no-config', '--select', 'FM0', '--format', 'json', file], { maxBuffer: 64 << 20, encoding: 'utf8' }, (err, stdout) => {
      try {
        resolve(JSON.parse(stdout).filter((f) => f.severity === 'error').map((f) => f.code));
      } catch (e) {
        resolve([]);
      }
    });
  });
}

// --- comparing ------------------------------------------------------------------------------

function escapePointer(key) {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

function kindOf(v) {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (v instanceof Date) return 'date';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'non-finite';
  if (typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) {
    return v.constructor ? v.constructor.name : 'object';
  }
  return typeof v;
}

function show(v) {
  if (v === undefined) return '(missing)';
  if (v instanceof Date) return `Date(${Number.isNaN(v.getTime()) ? 'Invalid' : v.toISOString()})`;
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (v instanceof Map || v instanceof Set) return `${v.constructor.name}(${JSON.stringify([...v])})`;
  if (typeof v === 'bigint') return `${v}n`;
  let s;
  try {
    s = JSON.stringify(v);
  } catch {
    s = String(v);
  }
  return s.length > 160 ? `${s.slice(0, 157)}...` : s;
}

function isEmpty(v) {
  return v === null || v === undefined || (kindOf(v) === 'object' && Object.keys(v).length === 0);
}

function sameDate(date, text) {
  if (typeof text !== 'string') return false;
  let again;
  try {
    again = scalarDate(text);
  } catch {
    return false;
  }
  if (!(again instanceof Date)) return false;
  const a = date.getTime();
  const b = again.getTime();
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

// Differences between Hexo's value `h` and postlint's `p`, as {pointer, hexo, postlint, date}.
function diff(h, p, pointer, out) {
  const kh = kindOf(h);
  const kp = kindOf(p);
  if (kh === 'date') {
    out.push({ pointer, hexo: h, postlint: p, date: sameDate(h, p) });
    return out;
  }
  if (kh === 'object' && kp === 'object') {
    const keys = new Set([...Object.keys(h), ...Object.keys(p)]);
    for (const k of keys) {
      const inH = Object.prototype.hasOwnProperty.call(h, k);
      const inP = Object.prototype.hasOwnProperty.call(p, k);
      diff(inH ? h[k] : undefined, inP ? p[k] : undefined, `${pointer}/${escapePointer(k)}`, out);
    }
    return out;
  }
  if (kh === 'array' && kp === 'array') {
    const n = Math.max(h.length, p.length);
    for (let i = 0; i < n; i++) diff(i < h.length ? h[i] : undefined, i < p.length ? p[i] : undefined, `${pointer}/${i}`, out);
    return out;
  }
  if (kh === kp && (kh === 'string' || kh === 'number' || kh === 'boolean' || kh === 'null')) {
    if (h !== p) out.push({ pointer, hexo: h, postlint: p });
    return out;
  }
  out.push({ pointer, hexo: h, postlint: p });
  return out;
}

function category(d) {
  if (d.date) return 'date';
  const kh = kindOf(d.hexo);
  const kp = kindOf(d.postlint);
  if (kh === 'date') return 'date-mismatch';
  if (kh === 'missing' || kp === 'missing') return 'key';
  return kh === kp ? `value:${kh}` : `type:${kh}->${kp}`;
}

function compareFile(file, h, p) {
  if (p.tool) return { status: 'tool-error', lines: [['tool-error', '', `hexo=${h.ok ? 'ok' : h.error}`, `postlint=${p.error}`]] };
  if (!h.ok && !p.ok) return { status: 'both-error', lines: [['both-error', '', `hexo=${h.error}`, `postlint=${p.error}`]] };
  if (!h.ok) return { status: 'hexo-error', lines: [['hexo-error', '', `hexo=${h.error}`, 'postlint=ok']] };
  if (!p.ok) return { status: 'postlint-error', lines: [['postlint-error', '', 'hexo=ok', `postlint=${p.error}`]] };
  if (isEmpty(h.value) && isEmpty(p.value)) return { status: 'identical', empty: true, lines: [] };
  if (isEmpty(h.value) !== isEmpty(p.value)) {
    const cat = isEmpty(h.value) ? 'presence:postlint-only' : `presence:hexo-only(${h.split})`;
    return { status: 'presence', lines: [[cat, '', `hexo=${show(h.value)}`, `postlint=${show(p.value)}`]] };
  }
  const diffs = diff(h.value, p.value, '', []);
  if (diffs.length === 0) return { status: 'identical', lines: [] };
  const lines = diffs.map((d) => [category(d), d.pointer, `hexo=${show(d.hexo)}`, `postlint=${show(d.postlint)}`]);
  const unexplained = lines.filter((l) => l[0] !== 'date');
  return { status: unexplained.length ? 'different' : 'dates-only', lines };
}

// --- files and the run ----------------------------------------------------------------------

const EXTENSIONS = new Set(['.md', '.markdown', '.html']);

function collect(input, out) {
  const st = fs.statSync(input);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(input).sort()) {
      const child = path.join(input, name);
      const cst = fs.statSync(child);
      if (cst.isDirectory() || EXTENSIONS.has(path.extname(name).toLowerCase())) collect(child, out);
    }
  } else {
    out.push(input);
  }
  return out;
}

async function main() {
  const files = [];
  for (const input of args.inputs) collect(input, files);
  const results = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const p = await postlintInspect(files[i]);
      const h = hexoParse(files[i]);
      const r = { file: files[i], warnings: h.warnings, ...compareFile(files[i], h, p) };
      if (r.status === 'hexo-error') {
        const codes = await postlintErrors(files[i]);
        if (codes.length) {
          r.status = 'both-refuse';
          r.lines = [['both-refuse', '', r.lines[0][2], `postlint=${codes.join(',')}`]];
        }
      }
      results[i] = r;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: Math.min(args.jobs, files.length) }, worker));

  const status = {};
  const cats = {};
  const catFiles = {};
  let unexplained = 0;
  let empty = 0;
  for (const r of results) {
    status[r.status] = (status[r.status] || 0) + 1;
    if (r.empty) empty++;
    const seen = new Set();
    for (const [cat, pointer, hv, pv] of r.lines) {
      cats[cat] = (cats[cat] || 0) + 1;
      if (!seen.has(cat)) {
        seen.add(cat);
        (catFiles[cat] = catFiles[cat] || []).push(r.file);
      }
      if (cat === 'date') {
        if (!args.showDates) continue;
      } else if (cat === 'both-error' || cat === 'both-refuse') {
        if (!args.quiet) console.log(['INFO', r.file, cat, '""', hv, pv].join('\t'));
        continue;
      } else {
        unexplained++;
      }
      if (!args.quiet) console.log(['DIFF', r.file, cat, pointer || '""', hv, pv].join('\t'));
    }
    for (const w of r.warnings || []) if (!args.quiet) console.log(['WARN', r.file, 'hexo-warning', '', w].join('\t'));
  }

  const out = [];
  out.push(`parser: ${pkg}@${pkgVersion} (${args.parser})`);
  out.push(`files compared: ${files.length} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  for (const key of ['identical', 'dates-only', 'different', 'presence', 'hexo-error', 'both-refuse', 'postlint-error', 'both-error', 'tool-error']) {
    const note = key === 'identical' ? ` (${empty} of them with no front matter on either side)` : '';
    out.push(`  ${key.padEnd(15)} ${status[key] || 0}${note}`);
  }
  out.push('differences by category (count of differences / files):');
  for (const cat of Object.keys(cats).sort()) {
    out.push(`  ${cat.padEnd(28)} ${String(cats[cat]).padStart(6)} / ${catFiles[cat].length}   e.g. ${catFiles[cat].slice(0, 2).join(', ')}`);
  }
  out.push(`unexplained differences: ${unexplained}`);
  console.log(`\nSUMMARY\n${out.join('\n')}`);
  process.exitCode = status['tool-error'] ? 2 : unexplained ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
