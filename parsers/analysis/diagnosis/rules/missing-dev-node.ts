import { callName } from './rule-kit.js';
import { familyRule, says } from './family-rule.js';

/**
 * Device nodes (/dev/null, /dev/urandom, /dev/tty) are files a chroot has only if they are created or
 * bind-mounted there; a program that opens one fails without it.
 *
 *   openat(AT_FDCWD, "/dev/null", O_WRONLY|O_CREAT|O_TRUNC, 0666) = -1 ENOENT (No such file or directory)
 */
export const missingDevNode = familyRule({
  id: 'missing-dev-node',
  family: 'dev',
  message: /\/dev\//,
  accept: (d) => d.errno === 'ENOENT' || d.errno === 'ENXIO' || d.errno === 'ENODEV',
  cause: (ctx, _failures, main, quoted) =>
    `the device node ${main.path} does not exist ${ctx.subject.where} (${callName(main)} fails with ${main.errno}; ` +
    `/dev there is not populated)` +
    says(quoted),
});
