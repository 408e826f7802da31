import type { CaseRecipe } from '../case-recipe.js';
import { caseDir, compile } from '../case-recipe.js';
import { DYNAMIC_PROGRAM, LOADER_MISSING_CLAIMS, LOADER_PRESENT } from './claims.js';
import { call, execOf, lit, stderrWrite } from './regex.js';

/** Cases where what is missing is what runs the program: the ELF interpreter, a `#!` interpreter, a library. */

const BARE = 'bare-chroot-hello';
const PERL = 'perl-script-bare';
const ENV_PERL = 'env-shebang-no-perl';
const NO_LIBC = 'loader-without-libc';
const NO_SELINUX = 'missing-libselinux';

export const INTERPRETER_RECIPES: CaseRecipe[] = [
  {
    id: BARE,
    title: 'a dynamically linked program in a bare chroot',
    story:
      `hello (${caseDir(BARE)}/hello) is a dynamically linked C program. With \`--rootfs bare\` the chroot holds that ` +
      'file alone: no /lib64/ld-linux-x86-64.so.2, no libc. The kernel reads the PT_INTERP of the ELF file and ' +
      'cannot open the loader it names, so execve returns ENOENT although hello itself is there, and chroot(8) ' +
      'exits 127.',
    cause: {
      rule: 'missing-elf-interpreter',
      summary:
        'The chroot lacks the dynamic loader /lib64/ld-linux-x86-64.so.2 that hello names as its ELF interpreter, so execve fails with ENOENT although hello is there.',
      mentions: ['ld-linux-x86-64.so.2'],
      match: 'dynamic loader|ELF interpreter',
    },
    bothSucceed: false,
    falseClaims: [...DYNAMIC_PROGRAM, 'hello (is|was) (most likely )?(missing|not there|not found)'],
    setup: [compile(BARE, 'hello')],
    runs: { kind: 'collect', options: ['--rootfs', 'bare'], program: [`${caseDir(BARE)}/hello`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: {
      a: [execOf(`${caseDir(BARE)}/hello`, '0')],
      b: [execOf(`${caseDir(BARE)}/hello`, '-1 ENOENT')],
    },
    facts: { b: [call('chroot', '', '0')] },
  },
  {
    id: PERL,
    title: 'a #!/usr/bin/perl script in a bare chroot',
    story:
      `greet.pl starts with \`#!/usr/bin/perl\`. With \`--rootfs bare\` the chroot holds the script alone. The ` +
      'kernel reads the #! line and looks for /usr/bin/perl inside the chroot; it is not there, so execve of the ' +
      'script returns ENOENT. The script is not an ELF file: no dynamic loader is involved in that failure. On ' +
      'the host the same execve succeeds, perl starts, and opens the script to read it.',
    cause: {
      rule: 'missing-script-interpreter',
      summary:
        'The script names /usr/bin/perl on its #! line and the chroot has no /usr/bin/perl, so execve of the script fails with ENOENT.',
      mentions: ['/usr/bin/perl'],
      match: '#!|script interpreter|interpreter[^.]*/usr/bin/perl|/usr/bin/perl[^.]*interpreter',
    },
    bothSucceed: false,
    // The script is not an ELF file: whatever the loader does, it is not why this execve fails.
    falseClaims: [
      ...LOADER_PRESENT,
      'greet\\.pl (is|was) dynamically linked',
      'greet\\.pl (is|was) (most likely )?(missing|not found)',
    ],
    setup: [
      `printf '#!/usr/bin/perl\\nprint "hello from perl\\\\n";\\n' > ${caseDir(PERL)}/greet.pl`,
      `chmod 755 ${caseDir(PERL)}/greet.pl`,
    ],
    runs: { kind: 'collect', options: ['--rootfs', 'bare'], program: [`${caseDir(PERL)}/greet.pl`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: {
      a: [execOf(`${caseDir(PERL)}/greet.pl`, '0'), call('openat', `"${caseDir(PERL)}/greet.pl"`, '3')],
      b: [execOf(`${caseDir(PERL)}/greet.pl`, '-1 ENOENT')],
    },
  },
  {
    id: ENV_PERL,
    title: 'a #!/usr/bin/env perl script in a chroot without perl',
    story:
      'greet.pl starts with `#!/usr/bin/env perl`. `--rootfs auto` copies the script and its #! interpreter, ' +
      "/usr/bin/env, with env's libraries, but not perl: env is only a launcher that finds perl on PATH. Inside " +
      'the chroot env runs, tries perl in every PATH directory (each execve ENOENT), prints ' +
      '"/usr/bin/env: \'perl\': No such file or directory" and exits 127.',
    cause: {
      rule: 'missing-script-interpreter',
      summary:
        'The script runs perl through `#!/usr/bin/env perl`; env starts in the chroot but finds perl in none of the PATH directories, so it exits 127.',
      mentions: ['perl'],
      match: '#!|interpreter|none of the|not found',
    },
    bothSucceed: false,
    falseClaims: [
      ...LOADER_PRESENT,
      ...DYNAMIC_PROGRAM,
      '/usr/bin/env (is|was) (most likely )?(missing|not found)',
    ],
    setup: [
      `printf '#!/usr/bin/env perl\\nprint "hello from perl\\\\n";\\n' > ${caseDir(ENV_PERL)}/greet.pl`,
      `chmod 755 ${caseDir(ENV_PERL)}/greet.pl`,
    ],
    runs: { kind: 'collect', options: ['--rootfs', 'auto'], program: [`${caseDir(ENV_PERL)}/greet.pl`] },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: {
      b: [execOf('/usr/bin/perl', '-1 ENOENT'), stderrWrite(`"'perl'"`)],
    },
    facts: { b: [execOf(`${caseDir(ENV_PERL)}/greet.pl`, '0')] },
  },
  {
    id: NO_LIBC,
    title: 'a rootfs with the dynamic loader but no libc',
    story:
      `The rootfs (${caseDir(NO_LIBC)}/root) holds hello and /lib64/ld-linux-x86-64.so.2, nothing else. execve ` +
      'succeeds this time: the loader runs, looks for libc.so.6 in its default directories, finds it nowhere, and ' +
      'prints "error while loading shared libraries: libc.so.6: cannot open shared object file" (exit 127).',
    cause: {
      rule: 'missing-shared-library',
      summary:
        'The loader starts but libc.so.6, which hello needs, is not in the rootfs, so it stops with "error while loading shared libraries".',
      mentions: ['libc.so.6'],
      match: 'shared librar|error while loading|libc\\.so\\.6[^.]*(not found|missing|nowhere|not inside)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_MISSING_CLAIMS, ...DYNAMIC_PROGRAM],
    setup: [
      compile(NO_LIBC, 'hello'),
      `mkdir -p ${caseDir(NO_LIBC)}/root/lib64 ${caseDir(NO_LIBC)}/root${caseDir(NO_LIBC)}`,
      `cp ${caseDir(NO_LIBC)}/hello ${caseDir(NO_LIBC)}/root${caseDir(NO_LIBC)}/hello`,
      `cp -L /lib64/ld-linux-x86-64.so.2 ${caseDir(NO_LIBC)}/root/lib64/`,
    ],
    runs: {
      kind: 'collect',
      options: ['--rootfs', `${caseDir(NO_LIBC)}/root`],
      program: [`${caseDir(NO_LIBC)}/hello`],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: {
      b: [
        `openat\\(.*"/lib/x86_64-linux-gnu/libc\\.so\\.6".* = -1 ENOENT`,
        stderrWrite(`error while loading shared libraries`),
      ],
    },
    facts: { b: [execOf(`${caseDir(NO_LIBC)}/hello`, '0')] },
  },
  {
    id: NO_SELINUX,
    title: 'ls in a rootfs that lacks one of its libraries',
    story:
      'The rootfs holds /usr/bin/ls, the loader, libc.so.6 and libpcre2-8.so.0, copied from the host, but not ' +
      'libselinux.so.1, the third library `ldd /usr/bin/ls` lists. The loader opens libselinux.so.1 in each ' +
      'directory it searches, fails, and stops with "error while loading shared libraries: libselinux.so.1".',
    cause: {
      rule: 'missing-shared-library',
      summary:
        'libselinux.so.1, one of the libraries ls is linked against, is missing from the rootfs, so the loader stops before ls starts.',
      mentions: ['libselinux.so.1'],
      match:
        'shared librar|error while loading|libselinux\\.so\\.1[^.]*(not found|missing|nowhere|not inside)',
    },
    bothSucceed: false,
    falseClaims: [...LOADER_PRESENT, ...DYNAMIC_PROGRAM, 'libc\\.so\\.6 (is )?missing'],
    setup: [
      `mkdir -p ${caseDir(NO_SELINUX)}/root/usr/bin ${caseDir(NO_SELINUX)}/root/lib64 ${caseDir(NO_SELINUX)}/root/lib/x86_64-linux-gnu`,
      `cp /usr/bin/ls ${caseDir(NO_SELINUX)}/root/usr/bin/`,
      `cp -L /lib64/ld-linux-x86-64.so.2 ${caseDir(NO_SELINUX)}/root/lib64/`,
      `cp -L /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libpcre2-8.so.0 ${caseDir(NO_SELINUX)}/root/lib/x86_64-linux-gnu/`,
    ],
    runs: {
      kind: 'collect',
      options: ['--rootfs', `${caseDir(NO_SELINUX)}/root`],
      program: ['/usr/bin/ls', '/'],
    },
    outcome: { a: { exitCode: 0 }, b: { exitCode: 127 } },
    evidence: {
      b: [
        `openat\\(.*${lit('libselinux.so.1')}.* = -1 ENOENT`,
        stderrWrite(`error while loading shared libraries.*libselinux\\.so\\.1`),
      ],
    },
  },
];
