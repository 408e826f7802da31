import { describe, expect, it } from 'vitest';
import { parseArgs, parseValue } from '../../parsers/strace/args/index.js';
import { dumpArg, dumpArgs, findCoverageGap } from './helpers.js';

function args(text: string, expected: string): void {
  const nodes = parseArgs(text);
  expect(dumpArgs(nodes)).toBe(expected);
  expect(findCoverageGap(text, nodes)).toBeNull();
}
const value = (text: string, expected: string) => expect(dumpArg(parseValue(text))).toBe(expected);

// prettier-ignore
describe('-y paths', () => {
  it('fd with a path', () => args('3</etc/hostname>', 'fd(3 "/etc/hostname")'));
  it('AT_FDCWD with the cwd (tricky 53)', () => args('AT_FDCWD</home/user/fmt>, "/home/user/fmt/work.tmp"', 'fd(-100 "/home/user/fmt" name=AT_FDCWD), str("/home/user/fmt/work.tmp")'));
  it('(deleted) after the > (tricky 54)', () => args('3</home/user/fmt/work.tmp>(deleted)', 'fd(3 "/home/user/fmt/work.tmp" deleted)'));
  it('escaped < and > decoded, then (deleted) (tricky 58)', () =>
    args('9</home/user/fmt/dir with space\\74and\\76angle>(deleted), "y", 1', 'fd(9 "/home/user/fmt/dir with space<and>angle" deleted), str("y"), num(1)'));
  it('-xx hex path', () => args('3<\\x2f\\x74\\x6d\\x70>', 'fd(3 "/tmp")'));
  it('chroot: host-side path differs from the string arg', () => args('AT_FDCWD</home/user/fmt>, "/etc/hostname", O_RDONLY', 'fd(-100 "/home/user/fmt" name=AT_FDCWD), str("/etc/hostname"), const(O_RDONLY)'));
  it('pipes and sockets', () => args('[6<pipe:[8009]>, 7<pipe:[8009]>], 3<socket:[8002]>', '[fd(6 "pipe:[8009]") fd(7 "pipe:[8009]")], fd(3 "socket:[8002]")'));
  it('return value decoration', () => value('3</usr/lib/x86_64-linux-gnu/libc.so.6>', 'fd(3 "/usr/lib/x86_64-linux-gnu/libc.so.6")'));
  it('-X verbose: comment then decoration', () =>
    args('-100 /* AT_FDCWD */</home/user/fmt>, "/etc/ld.so.cache"', 'fd(-100 "/home/user/fmt" name=AT_FDCWD comment=AT_FDCWD), str("/etc/ld.so.cache")'));
});

// prettier-ignore
describe('oddnames.yy.log: where a path decoration ends', () => {
  it('path ending in - (tricky 115)', () => args('3</home/user/fmt/odd->, "1", 1', 'fd(3 "/home/user/fmt/odd-"), str("1"), num(1)'));
  it('path with [', () => args('4</home/user/fmt/odd[b>, "2", 1', 'fd(4 "/home/user/fmt/odd[b"), str("2"), num(1)'));
  it('path with :[x] (tricky 116)', () => args('5</home/user/fmt/odd:[x]>, "3", 1', 'fd(5 "/home/user/fmt/odd:[x]"), str("3"), num(1)'));
});

// prettier-ignore
describe('-yy', () => {
  it('device info nested in the path (tricky 55)', () => args('1</dev/null<char 1:3>>, "x", 1', 'fd(1 "/dev/null" device="char 1:3"), str("x"), num(1)'));
  it('device return value', () => value('7</dev/zero<char 1:5>>', 'fd(7 "/dev/zero" device="char 1:5")'));
  it('listening TCP (tricky 57)', () => args('3<TCP:[127.0.0.1:46133]>, NULL, NULL, SOCK_CLOEXEC', 'fd(3 "TCP:[127.0.0.1:46133]"), NULL, NULL, const(SOCK_CLOEXEC)'));
  it('connected TCP (yy.tcp.log)', () => value('5<TCP:[127.0.0.1:46133->127.0.0.1:39958]>', 'fd(5 "TCP:[127.0.0.1:46133->127.0.0.1:39958]")'));
  it('socketpair (tricky 56)', () =>
    args('AF_UNIX, SOCK_STREAM, 0, [3<UNIX-STREAM:[8028->8029]>, 4<UNIX-STREAM:[8029->8028]>]', 'const(AF_UNIX), const(SOCK_STREAM), num(0), [fd(3 "UNIX-STREAM:[8028->8029]") fd(4 "UNIX-STREAM:[8029->8028]")]'));
  it('IPv6 nested brackets (tricky 118)', () => args('3<UDPv6:[[::]:57384]>, 0', 'fd(3 "UDPv6:[[::]:57384]"), num(0)'));
  it('netlink', () => args('5<NETLINK:[ROUTE:29735]>, NULL', 'fd(5 "NETLINK:[ROUTE:29735]"), NULL'));
  it('unix socket with a quoted bound path holding ] and > (tricky 117)', () =>
    args('3<UNIX-STREAM:[42706,"/home/user/fmt/s]ock>x"]>, NULL, NULL', 'fd(3 "UNIX-STREAM:[42706,\\"/home/user/fmt/s]ock>x\\"]"), NULL, NULL'));
  it('the same as a return value (usock.yy.log)', () =>
    value('5<UNIX-STREAM:[42714->42710,"/home/user/fmt/s]ock>x"]>', 'fd(5 "UNIX-STREAM:[42714->42710,\\"/home/user/fmt/s]ock>x\\"]")'));
  it('read on it', () => args('5<UNIX-STREAM:[42714->42710,"/home/user/fmt/s]ock>x"]>, "x", 1', 'fd(5 "UNIX-STREAM:[42714->42710,\\"/home/user/fmt/s]ock>x\\"]"), str("x"), num(1)'));
});

// prettier-ignore
describe('-Y comm decorations', () => {
  it('pid argument (tricky 105)', () => args('9693<true>, ', 'fd(9693 "true")'));
  it('escaped comm (comm.Y.log)', () => value('27249<a\\74b\\76 c\\"d>', 'fd(27249 "a<b> c\\"d")'));
});

// prettier-ignore
describe('not decorations', () => {
  it('<< is a shift', () => args('1<<MAP_HUGE_SHIFT', 'expr(<< num(1) const(MAP_HUGE_SHIFT))'));
  it('an unclosed decoration makes the argument other', () => args('3</etc/host, 4', 'other(3</etc/host), num(4)'));
});
