import { describe, expect, it } from 'vitest';
import { parseArgs, parseValue } from '../../parsers/strace/args/index.js';
import { dumpArg, dumpArgs, findCoverageGap } from './helpers.js';

/** Parses `text` as an argument list and compares the compact dump; also checks text coverage. */
function args(text: string, expected: string): void {
  const nodes = parseArgs(text);
  expect(dumpArgs(nodes)).toBe(expected);
  expect(findCoverageGap(text, nodes)).toBeNull();
}

const value = (text: string, expected: string) => expect(dumpArg(parseValue(text))).toBe(expected);

// prettier-ignore
describe('scalars', () => {
  it('constants, strings, flags', () =>
    args('AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC', 'const(AT_FDCWD), str("/etc/ld.so.cache"), flags(const(O_RDONLY) const(O_CLOEXEC))'));
  it('decimal, hex, octal, negative', () => args('4096, 0x7ffd1a2b, 0644, 077, -1, 0, -0x10', 'num(4096), num(2147293739/16), num(420/8), num(63/8), num(-1), num(0), num(-16/16)'));
  it('digits 8 and 9 after a 0 are decimal', () => args('09', 'num(9)'));
  it('zero-padded hex (netlink nl_groups, nodemasks)', () => args('{nl_groups=00000000}, [0x00000000000001, 0000000000000000], 0000ff00', '{nl_groups=num(0/16)}, [num(1/16) num(0/16)], num(65280/16)'));
  it('seven-digit modes stay octal', () => args('{st_mode=0100644}', '{st_mode=num(33188/8)}'));
  it('past 2^53 keeps text', () => expect(parseArgs('18446744073709551615')[0]?.text).toBe('18446744073709551615'));
  it('NULL', () => args('NULL, NULL', 'NULL, NULL'));
  it('address-of identifiers', () => args('&sin6_addr', 'const(&sin6_addr)'));
  it('truncated string', () => args('"AAAA"..., 200', 'str("AAAA"...), num(200)'));
  it('abstract socket name', () => args('{sa_family=AF_UNIX, sun_path=@"abstract-name"}', '{sa_family=const(AF_UNIX) sun_path=@str("abstract-name")}'));
  it('empty string', () => args('AT_FDCWD, "", O_RDONLY', 'const(AT_FDCWD), str(""), const(O_RDONLY)'));
  it('strings that look like syntax (eqstr.log)', () => args('3, "fake(1) = -1 ENOENT <unfinished "..., 38', 'num(3), str("fake(1) = -1 ENOENT <unfinished "...), num(38)'));
  it('hardware addresses', () => args('00:00:00:00:00:00, 96:87:32:9e:90:7e, ff:ff:ff:ff:ff:ff', 'const(00:00:00:00:00:00), const(96:87:32:9e:90:7e), const(ff:ff:ff:ff:ff:ff)'));
  it('ellipsis', () => args('{st_mode=S_IFREG|0644, ...}', '{st_mode=flags(const(S_IFREG) num(420/8)) ...}'));
});

// prettier-ignore
describe('expressions', () => {
  it('shift inside flags', () => args('MAP_PRIVATE|MAP_ANONYMOUS|1<<MAP_HUGE_SHIFT', 'flags(const(MAP_PRIVATE) const(MAP_ANONYMOUS) expr(<< num(1) const(MAP_HUGE_SHIFT)))'));
  it('unknown bits OR-ed in', () => args('PROT_READ|0x100', 'flags(const(PROT_READ) num(256/16))'));
  it('product', () => args('{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}', '{rlim_cur=expr(* num(8192) num(1024)) rlim_max=const(RLIM64_INFINITY)}'));
  it('wait status: && below ==', () =>
    args('[{WIFEXITED(s) && WEXITSTATUS(s) == 7}]', '[{expr(&& call(WIFEXITED const(s)) expr(== call(WEXITSTATUS const(s)) num(7)))}]'));
  it('ambiguous ioctl: or', () => args('3, SNDCTL_TMR_START or TCSETS', 'num(3), expr(or const(SNDCTL_TMR_START) const(TCSETS))'));
  it('designator arithmetic', () => args('[[IPV4_DEVCONF_FORWARDING-1]=0]', '[[IPV4_DEVCONF_FORWARDING-1]=num(0)]'));
});

// prettier-ignore
describe('containers', () => {
  it('array of structs (iovec)', () =>
    args('3, [{iov_base="ab", iov_len=2}, {iov_base="cde", iov_len=3}], 2', 'num(3), [{iov_base=str("ab") iov_len=num(2)} {iov_base=str("cde") iov_len=num(3)}], num(2)'));
  it('indirect int [16]', () => args('[16]', '[num(16)]'));
  it('sigset bitset without commas', () => args('SIG_BLOCK, [USR2 RT_3], NULL, 8', 'const(SIG_BLOCK), bits[const(USR2) const(RT_3)], NULL, num(8)'));
  it('fd_set', () => args('5, [3 4], NULL', 'num(5), bits[num(3) num(4)], NULL'));
  it('complements', () => args('~[], ~[RT_1], ~[KILL STOP RTMIN RT_1]', '~[], ~[const(RT_1)], ~bits[const(KILL) const(STOP) const(RTMIN) const(RT_1)]'));
  it('empty struct and array', () => args('{}, []', '{}, []'));
  it('designated array members keep their brackets', () =>
    args('c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [17]=0]', 'c_cc=[[VINTR]=num(3/16) [VQUIT]=num(28/16) [17]=num(0)]'));
  it('designator with a comment', () => args('[[58 /* DEVCONF_??? */]=0]', '[[58 /* DEVCONF_??? */]=num(0)]'));
  it('calls', () =>
    args('{sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}', '{sa_family=const(AF_INET) sin_port=call(htons num(9)) sin_addr=call(inet_addr str("127.0.0.1"))}'));
  it('makedev', () => args('{st_dev=makedev(0xfe, 0)}', '{st_dev=call(makedev num(254/16) num(0))}'));
  it('unnamed struct member that is a call', () =>
    args('{sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr)}', '{sin6_flowinfo=call(htonl num(0)) call(inet_pton const(AF_INET6) str("::1") const(&sin6_addr))}'));
  it('_IOC', () => args('0, _IOC(_IOC_READ, 0x99, 0x42, 0x4), 0x7ffc', 'num(0), call(_IOC const(_IOC_READ) num(153/16) num(66/16) num(4/16)), num(32764/16)'));
  it('netlink: unnamed members, nested arrays', () =>
    args('[{nlmsg_len=20, nlmsg_type=0x12 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|0x300}, "\\x00\\x00"]', '[{nlmsg_len=num(20) nlmsg_type=num(18/16)/*NLMSG_???*/ nlmsg_flags=flags(const(NLM_F_REQUEST) num(768/16))} str("\\u0000\\u0000")]'));
  it('top-level named args (clone)', () =>
    args('child_stack=NULL, flags=CLONE_CHILD_CLEARTID|SIGCHLD, child_tidptr=0x7f99', 'child_stack=NULL, flags=flags(const(CLONE_CHILD_CLEARTID) const(SIGCHLD)), child_tidptr=num(32665/16)'));
  it('strace -N style', () => args('fd=3, op=LOCK_SH', 'fd=num(3), op=const(LOCK_SH)'));
  it('argv with elided tail', () => args('["/bin/true", "1", ...]', '[str("/bin/true") str("1") ...]'));
});

// prettier-ignore
describe('comments and in/out', () => {
  it('pointer with /* N vars */', () => args('"./src/basic", ["./src/basic"], 0x7fff8dbd05a0 /* 39 vars */', 'str("./src/basic"), [str("./src/basic")], num(140735571363232/16)/*39 vars*/'));
  it('-X verbose terms', () => args('0x80000 /* O_RDONLY|O_CLOEXEC */', 'num(524288/16)/*O_RDONLY|O_CLOEXEC*/'));
  it('-X verbose: a comment per OR term', () => args('0x1 /* SOCK_STREAM */|0x800 /* SOCK_NONBLOCK */', 'flags(num(1/16)/*SOCK_STREAM*/ num(2048/16)/*SOCK_NONBLOCK*/)'));
  it('-X verbose: bitset with comments', () => args('[12 /* USR2 */ 35 /* RT_3 */]', 'bits[num(12)/*USR2*/ num(35)/*RT_3*/]'));
  it('-X verbose: string with a comment', () => args('sin_port="\\x00\\x09" /* htons(9) */', 'sin_port=str("\\u0000\\t")/*htons(9)*/'));
  it('time comment', () => args('st_atime=1795913777 /* 2026-11-29T00:56:17.743798682+0000 */', 'st_atime=num(1795913777)/*2026-11-29T00:56:17.743798682+0000*/'));
  it('[128 => 16]', () => args('[128 => 16]', '[(num(128) => num(16))]'));
  it('clone3 stitched from unfinished + resumed', () =>
    args('{flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD} => {parent_tid=[6504]}, 88', '({flags=flags(const(CLONE_VM) const(CLONE_VFORK)) exit_signal=const(SIGCHLD)} => {parent_tid=[num(6504)]}), num(88)'));
  it('clone3 stitched without the space before =>', () => args('{flags=CLONE_VM}=> {parent_tid=[6503]}, 88', '({flags=const(CLONE_VM)} => {parent_tid=[num(6503)]}), num(88)'));
  it('wait4 stitched', () => args('6302, [{WIFEXITED(s) && WEXITSTATUS(s) == 7}], 0, NULL', 'num(6302), [{expr(&& call(WIFEXITED const(s)) expr(== call(WEXITSTATUS const(s)) num(7)))}], num(0), NULL'));
});

// prettier-ignore
describe('unmodelled and broken input becomes other, never an exception', () => {
  it('restart_syscall placeholder', () => args('<... resuming interrupted clock_nanosleep ...>', 'other(<... resuming interrupted clock_nanosleep ...>)'));
  it('junk after a value', () => args('a b, 3', 'other(a b), num(3)'));
  it('junk inside a struct stays inside', () => args('{x=1 y, z=2}, 3', '{other(x=1 y) z=num(2)}, num(3)'));
  it('junk inside an array stays inside', () => args('[1, ?], 2', '[num(1) other(?)], num(2)'));
  it('unclosed struct', () => args('{a=1, b=', 'other({a=1, b=)'));
  it('unterminated string', () => args('3, "abc\\"', 'num(3), other("abc\\")'));
  it('stray closer at top level', () => args('1), 2', 'other(1)), num(2)'));
  it('tracee output glued into the args (shared-stderr.log)', () => args('2, "ls: ", 4ls: ', 'num(2), str("ls: "), other(4ls:)'));
  it('a resumed half alone starts with its separator', () => args(', child_tidptr=0x7f2683e3da10', 'child_tidptr=num(139803398232592/16)'));
  it('trailing separator of an unfinished half', () => args('6302, ', 'num(6302)'));
  it('empty list', () => args('', ''));
  it('hostile nesting stays off the call stack limit', () => {
    const deep = `${'['.repeat(100_000)}, 1`;
    expect(findCoverageGap(deep, parseArgs(deep))).toBeNull();
    const nested = `${'{a='.repeat(1000)}1${'}'.repeat(1000)}, 2`;
    const nodes = parseArgs(nested);
    expect(nodes.map((n) => n.type)).toEqual(['struct', 'number']);
    expect(findCoverageGap(nested, nodes)).toBeNull();
  });
});

// prettier-ignore
describe('parseValue', () => {
  it('siginfo', () =>
    value('{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=9164, si_stime=1 /* 0.01 s */}', '{si_signo=const(SIGCHLD) si_code=const(CLD_EXITED) si_pid=num(9164) si_stime=num(1)/*0.01 s*/}'));
  it('return decoration', () => value('3</home/user/fmt/work.tmp>', 'fd(3 "/home/user/fmt/work.tmp")'));
  it('-Y return', () => value('9694<echo>', 'fd(9694 "echo")'));
  it('leftover text makes the whole value other', () => value('0 (Timeout)', 'other(0 (Timeout))'));
  it('empty', () => value('', 'other()'));
});
