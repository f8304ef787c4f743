/**
 * Real data stores for the packs' live tests: a PostgreSQL, Redis or MariaDB of the machine's packages, on
 * 127.0.0.1 and a free port, its files in the test's own directory, stopped by its PID. A missing
 * server fails with the package to install, never a silent skip.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { acceptsConnections, startProcess, type RunningProcess } from '../../generator/stack/process.ts';
import { runCommand } from './command.ts';
import { freePort } from './servers.ts';

export type DataStore = RunningProcess & { readonly port: number };

function required(path: string | undefined, what: string, debianPackage: string): string {
  if (path === undefined || !existsSync(path)) throw new Error(`${what} is not installed; install it with:\n  sudo apt-get install -y --no-install-recommends ${debianPackage}`);
  return path;
}

/** Starts `command` and waits until it accepts TCP connections on `port`; `stopSignal` ends it. */
async function startListening(name: string, command: string, args: readonly string[], port: number, stopSignal: NodeJS.Signals = 'SIGTERM'): Promise<DataStore> {
  const server = await startProcess({ name, command, args, url: `tcp://127.0.0.1:${port}`, ready: () => acceptsConnections(port), stopSignal, readyTimeoutMs: 20_000 });
  return { ...server, port };
}

/** redis-server with no persistence, its working directory in `dir`; a replica of the Redis on `replicaOf`, if given. */
export async function startRedis(dir: string, options: { replicaOf?: number } = {}): Promise<DataStore> {
  const server = required('/usr/bin/redis-server', 'redis-server', 'redis-server');
  const port = await freePort();
  mkdirSync(dir, { recursive: true });
  const replica = options.replicaOf === undefined ? [] : ['--replicaof', '127.0.0.1', String(options.replicaOf)];
  return startListening('redis-server', server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...replica], port);
}

/**
 * A fresh PostgreSQL cluster in `dir` (initdb, trust authentication, user postgres), its unix socket
 * there too. PostgreSQL refuses to run as root, so as root it runs as the postgres user (setpriv
 * keeps the PID: stopping it stops the server). SIGINT is its fast shutdown: it does not wait for clients.
 */
export async function startPostgres(dir: string): Promise<DataStore> {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.length > 0 ? join('/usr/lib/postgresql', versions[0]!, 'bin') : undefined;
  const initdb = required(bin && join(bin, 'initdb'), 'PostgreSQL (initdb)', 'postgresql');
  const postgres = required(bin && join(bin, 'postgres'), 'PostgreSQL (postgres)', 'postgresql');
  const asPostgres = (command: string, args: readonly string[]) => (process.getuid?.() === 0 ? ['setpriv', ['--reuid=postgres', '--regid=postgres', '--clear-groups', command, ...args]] as const : [command, args] as const);
  mkdirSync(dir, { recursive: true });
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asPostgres(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  execFileSync(initCommand, [...initArgs], { stdio: 'pipe' });
  const port = await freePort();
  const [command, args] = asPostgres(postgres, ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off']);
  return startListening('postgres', command, args, port, 'SIGINT');
}

function postgresUser(): { uid: number; gid: number } {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim();
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A fresh MariaDB in `dir` (mariadb-install-db, root by unix socket at `socket()`), on 127.0.0.1 and
 * a free port, run as the current user.
 */
export async function startMariadb(dir: string): Promise<DataStore & { readonly socket: string }> {
  const server = required('/usr/sbin/mariadbd', 'MariaDB (mariadbd)', 'mariadb-server');
  const [data, socket, user] = [join(dir, 'data'), join(dir, 'mysqld.sock'), `--user=${userInfo().username}`];
  const install = await runCommand('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', user]);
  if (install.code !== 0) throw new Error(`mariadb-install-db failed:\n${install.output}`);
  const port = await freePort();
  const store = await startListening('mariadbd', server, ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, `--port=${port}`, '--bind-address=127.0.0.1', user], port);
  return { ...store, socket };
}
