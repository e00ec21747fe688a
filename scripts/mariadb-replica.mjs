// A MariaDB primary and a real replica of it (binlog replication), on their own ports and data directories, for
// the read-replica tests: `node scripts/mariadb-replica.mjs start` prints the two URLs as shell assignments
// (DATABASE_URL=… DATABASE_REPLICA_URLS=…); `stop` stops both. Uses the machine's own mariadbd (the one on 3306
// is left alone). Idempotent: `start` on a running pair only prints the URLs.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.env.REPLICA_PAIR_DIR ?? '/tmp/tidepool-replica-pair';
const PRIMARY = { name: 'primary', port: 3316, serverId: 1 };
const REPLICA = { name: 'replica', port: 3317, serverId: 2 };
const MARIADBD = '/usr/sbin/mariadbd';

const dirOf = (node) => join(ROOT, node.name);
const socketOf = (node) => join(dirOf(node), 'mysqld.sock');
const url = (node) => `mysql://root@127.0.0.1:${node.port}`;

function sql(node, statement) {
  return execFileSync('mariadb', ['--no-defaults', `--socket=${socketOf(node)}`, '-uroot', '-e', statement], {
    encoding: 'utf8',
  });
}

function alive(node) {
  try {
    execFileSync('mariadb-admin', ['--no-defaults', `--socket=${socketOf(node)}`, '-uroot', 'ping'], {
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

async function start(node, extra) {
  if (alive(node)) return false;
  const dir = dirOf(node);
  const data = join(dir, 'data');
  if (!existsSync(join(data, 'mysql'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(data, { recursive: true });
    execFileSync('chown', ['-R', 'mysql:mysql', dir]);
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${data}`,
        '--user=mysql',
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: 'ignore' },
    );
  }
  const child = spawn(
    MARIADBD,
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${node.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socketOf(node)}`,
      `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'error.log')}`,
      '--user=mysql',
      `--server-id=${node.serverId}`,
      '--skip-name-resolve',
      '--innodb-buffer-pool-size=128M',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      ...extra,
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  for (let i = 0; i < 120 && !alive(node); i++) await new Promise((r) => setTimeout(r, 500));
  if (!alive(node)) throw new Error(`${node.name} did not start; see ${join(dir, 'error.log')}`);
  // Root over TCP from 127.0.0.1, as the tests connect; not written to the binlog (each node makes its own).
  sql(
    node,
    "SET sql_log_bin = 0; CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;",
  );
  return true;
}

async function startPair() {
  mkdirSync(ROOT, { recursive: true });
  await start(PRIMARY, ['--log-bin=binlog', '--binlog-format=ROW']);
  const fresh = await start(REPLICA, ['--read-only=ON', '--relay-log=relay']);
  const status = sql(REPLICA, 'SHOW SLAVE STATUS\\G');
  if (fresh || !/Slave_SQL_Running: Yes/.test(status)) {
    sql(
      REPLICA,
      `STOP SLAVE; CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=${PRIMARY.port}, MASTER_USER='root', MASTER_PASSWORD='', MASTER_USE_GTID=current_pos; START SLAVE;`,
    );
  }
  for (let i = 0; i < 60; i++) {
    const s = sql(REPLICA, 'SHOW SLAVE STATUS\\G');
    if (/Slave_IO_Running: Yes/.test(s) && /Slave_SQL_Running: Yes/.test(s)) {
      process.stdout.write(`DATABASE_URL=${url(PRIMARY)}/tidepool DATABASE_REPLICA_URLS=${url(REPLICA)}/tidepool\n`);
      return;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`replication did not start:\n${sql(REPLICA, 'SHOW SLAVE STATUS\\G')}`);
}

function stopPair() {
  for (const node of [REPLICA, PRIMARY]) {
    if (alive(node)) {
      execFileSync('mariadb-admin', ['--no-defaults', `--socket=${socketOf(node)}`, '-uroot', 'shutdown'], {
        stdio: 'ignore',
      });
    }
  }
}

const command = process.argv[2];
if (command === 'start') await startPair();
else if (command === 'stop') stopPair();
else {
  process.stderr.write('usage: node scripts/mariadb-replica.mjs start|stop\n');
  process.exit(64);
}
