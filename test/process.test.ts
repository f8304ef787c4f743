/** The native stack's process helper: a part that dies during start-up fails the start at once, saying what it printed. */
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startProcess } from '../generator/stack/process.ts';

describe('startProcess', () => {
  it('fails as soon as the process exits during start-up, with its exit code and last log lines', async () => {
    const port = await freePort();
    const start = startProcess({
      name: 'doomed',
      command: 'sh',
      args: ['-c', 'for i in $(seq 1 30); do echo "line $i"; done; echo "fatal: cannot open the config" >&2; exit 3'],
      url: `http://127.0.0.1:${port}`,
      readyPath: '/-/ready',
      // Far beyond the test's own timeout: only the exit can end this wait.
      readyTimeoutMs: 3_600_000,
    });
    const error = await start.then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(/^doomed exited during start-up \(code 3\); its last log lines:\n/);
    expect(error?.message).toContain('fatal: cannot open the config');
    expect(error?.message).toContain('line 30');
    expect(error?.message, 'only the last lines').not.toContain('line 5\n');
  });

  it('names the command when it cannot be started at all', async () => {
    const port = await freePort();
    await expect(
      startProcess({ name: 'ghost', command: 'sextant-no-such-program', args: [], url: `http://127.0.0.1:${port}`, readyPath: '/', readyTimeoutMs: 3_600_000 }),
    ).rejects.toThrow(/^ghost could not be started \(sextant-no-such-program\): spawn sextant-no-such-program ENOENT/);
  });

  describe('a process that never becomes ready', () => {
    let blocker: Server;
    beforeAll(() => new Promise<void>((resolve) => (blocker = createServer((socket) => socket.destroy()).listen(0, '127.0.0.1', resolve))));
    afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

    it('times out saying what it waited for, and is stopped', async () => {
      const address = blocker.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      await expect(
        startProcess({ name: 'sleeper', command: 'sh', args: ['-c', 'echo waiting; exec sleep 600'], url: `http://127.0.0.1:${port}`, readyPath: '/', readyTimeoutMs: 1_000 }),
      ).rejects.toThrow(/^timed out after 1000 ms waiting for sleeper at http:\/\/127\.0\.0\.1:\d+\/.*; its last log lines:\n {2}waiting/s);
    });
  });
});
