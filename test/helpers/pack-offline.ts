/**
 * A pack without its program: the promtool tests of its generated rules, and `verify` against a
 * recorded exposition served on 127.0.0.1 (a program Debian does not package, or another version).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../../generator/render/stage.ts';
import { runCommand, type CommandResult } from './command.ts';
import { REPO } from './project.ts';
import { freePort } from './servers.ts';

/** `promtool test rules` over every generated test file (their rule files beside them). */
export async function promtoolTests(files: readonly GeneratedFile[]): Promise<CommandResult & { tests: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-pack-rules-'));
  try {
    const prometheus = files.filter((file) => file.path.startsWith('prometheus/'));
    for (const file of prometheus) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const tests = prometheus.map((file) => file.path.slice('prometheus/'.length)).filter((path) => path.startsWith('tests/'));
    return { ...(await runCommand('promtool', ['test', 'rules', ...tests], { cwd: join(dir, 'prometheus') })), tests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A server on 127.0.0.1 answering every request with a recorded exposition of test/fixtures/exporters/. */
export function serveRecording(fixture: string): Promise<{ url: string; close: () => Promise<void> }> {
  return serveText(readFileSync(join(REPO, 'test/fixtures/exporters', fixture), 'utf8'));
}

/** A server on 127.0.0.1 answering every request with this exposition. */
export async function serveText(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body));
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
