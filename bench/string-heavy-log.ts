/**
 * The string-heavy log of issue 16, made here: what people attach to bug reports rather than the short
 * lines of find/ls/dd. `strace -f -ttt -T -yy -s 128` of a build-like workload, repeated until the log
 * is big enough: gcc compiles (cc1 and as reading headers), `find | xargs cat` and text piped through
 * `dd bs=512` (read and write data with escapes),
 * python imports (stat/openat/read of .py and .pyc, binary buffers in octal), a loopback TCP exchange
 * and a unix socketpair (-yy socket decorations), and `ls -laR` (lstat, getdents, writes to /dev/null
 * decorated `1</dev/null<char 1:3>>`). Generated into bench/out/ (not committed) and kept for later runs.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

const PROGRAM_C = `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
int main(int argc, char **argv) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s: %d args\\n", argv[0], argc);
  struct stat st;
  if (stat(buf, &st) == 0) puts("odd");
  return (int)strlen(buf) + (int)getpid() % 2;
}
`;

const PYTHON = `
import json, email.parser, http.client, xml.dom.minidom, asyncio, decimal, socket
srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen()
c = socket.create_connection(srv.getsockname()); a, _ = srv.accept()
for i in range(150):
    c.sendall(b"GET /x/%d HTTP/1.1\\r\\nHost: h\\r\\nAccept: */*\\r\\n\\r\\n" % i); a.recv(4096)
    a.sendall(json.dumps({"i": i, "s": "caf\\u00e9 \\t tab"}).encode() + b"\\n"); c.recv(4096)
u1, u2 = socket.socketpair()
for i in range(100):
    u1.send(b"\\x00\\x01ping\\x7f\\n"); u2.recv(64)
`;

function workload(dir: string, rounds: number): string {
  return [
    'set -e',
    `for i in $(seq ${rounds}); do`,
    `  gcc -O2 -c ${dir}/prog.c -o ${dir}/prog.o`,
    "  find /usr/include -maxdepth 2 -name '*.h' | head -n 600 | xargs cat > /dev/null",
    '  cat /usr/include/*.h | head -c 1500000 | dd bs=512 of=/dev/null status=none',
    `  /usr/bin/python3 ${dir}/imports.py`,
    '  ls -laR /usr/share/doc/[a-c]* > /dev/null',
    'done',
  ].join('\n');
}

/**
 * Makes (or finds) the log at `path`, at least `minBytes` long: rounds of the workload under strace,
 * more rounds until it is big enough (one round writes about 12 MB here).
 */
export async function ensureStringHeavyLog(path: string, minBytes: number): Promise<void> {
  if (existsSync(path) && statSync(path).size >= minBytes) return;
  mkdirSync(join(path, '..'), { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'spelunk-strheavy-'));
  try {
    writeFileSync(join(dir, 'prog.c'), PROGRAM_C);
    writeFileSync(join(dir, 'imports.py'), PYTHON);
    // one round first, to learn how much it writes
    const probe = join(dir, 'probe.log');
    await execa('strace', [
      '-f',
      '-ttt',
      '-T',
      '-yy',
      '-s',
      '128',
      '-o',
      probe,
      'sh',
      '-c',
      workload(dir, 1),
    ]);
    const perRound = statSync(probe).size;
    const rounds = Math.max(1, Math.ceil((minBytes * 1.02) / perRound));
    console.error(
      `generating a ${(minBytes / 1e6).toFixed(0)} MB string-heavy log with strace (${rounds} rounds of ${(perRound / 1e6).toFixed(1)} MB)...`,
    );
    await execa('strace', [
      '-f',
      '-ttt',
      '-T',
      '-yy',
      '-s',
      '128',
      '-o',
      path,
      'sh',
      '-c',
      workload(dir, rounds),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
