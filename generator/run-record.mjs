/**
 * The record of the last successful `generate` of a project, so a run whose inputs have not changed
 * answers at once, before the generator is even loaded. It is the launcher's (plain JavaScript:
 * it must run before anything is bundled). A run is the same when everything it read is byte for
 * byte the same (every file the definitions' bundle read, the definition folders' listings, the
 * promtool it ran), under the same generator, arguments, working directory, PATH and Node, and the
 * output tree is still exactly what that run produced. Anything else, or `--no-cache`, runs in full.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const VERSION = 1;
/** Records kept per cache directory; the oldest go (scratch projects in tests make many). */
const KEPT = 64;

const sha = (data) => createHash('sha256').update(data).digest('hex');

/** Where this invocation's record lives: one per generator, arguments, place and environment. */
export function recordPath(cacheDir, generatorHash, args) {
  const key = sha([VERSION, generatorHash, process.cwd(), process.env.PATH ?? '', process.version, ...args].join('\0'));
  return join(cacheDir, 'runs', `${key.slice(0, 32)}.json`);
}

/**
 * What the run read and wrote, as the record keeps it. `run`: { inputs, watchedDirs, tools, outDir,
 * summary } from the generator (absolute paths; `tools` are the program paths it looked at).
 */
function snapshot(run) {
  return {
    inputs: Object.fromEntries(run.inputs.map((path) => [path, fileHash(path)])),
    listings: Object.fromEntries(run.watchedDirs.map((dir) => [dir, listing(dir)])),
    tools: Object.fromEntries(run.tools.map((path) => [path, stamp(path)])),
    outDir: run.outDir,
    tree: treeHashes(run.outDir),
  };
}

export function writeRecord(path, run) {
  const record = { version: VERSION, summary: run.summary, fileCount: run.fileCount, ...snapshot(run) };
  mkdirSync(join(path, '..'), { recursive: true });
  const partial = `${path}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(record));
  renameSync(partial, path);
  prune(join(path, '..'));
}

/** The record, when everything it describes is as it was; otherwise undefined. */
export function freshRecord(path) {
  let record;
  try {
    record = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (record?.version !== VERSION) return undefined;
  const same = (recorded, current) => JSON.stringify(recorded) === JSON.stringify(current);
  for (const [file, hash] of Object.entries(record.inputs)) if (fileHash(file) !== hash) return undefined;
  for (const [dir, names] of Object.entries(record.listings)) if (!same(names, listing(dir))) return undefined;
  for (const [tool, recorded] of Object.entries(record.tools)) if (!same(recorded, stamp(tool))) return undefined;
  return same(record.tree, treeHashes(record.outDir)) ? record : undefined;
}

function fileHash(path) {
  try {
    return sha(readFileSync(path));
  } catch {
    return null;
  }
}

function listing(dir) {
  try {
    return readdirSync(dir).sort();
  } catch {
    return null;
  }
}

/** A program as far as a run could tell it changed: present, its size and modification time. */
function stamp(path) {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return null;
  }
}

/** Every file under the output directory → its hash; null when there is no such directory. */
function treeHashes(dir) {
  if (!existsSync(dir)) return null;
  const hashes = {};
  const visit = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) visit(path);
      else hashes[relative(dir, path)] = fileHash(path);
    }
  };
  visit(dir);
  return hashes;
}

function prune(dir) {
  const records = readdirSync(dir).filter((name) => name.endsWith('.json'));
  if (records.length <= KEPT) return;
  const byAge = records.map((name) => ({ name, at: statSync(join(dir, name)).mtimeMs })).sort((a, b) => a.at - b.at);
  for (const { name } of byAge.slice(0, records.length - KEPT)) rmSync(join(dir, name), { force: true });
}
