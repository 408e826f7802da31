import { familyRule, says } from './family-rule.js';

/**
 * User and group names live in /etc/passwd and /etc/group, read through NSS (/etc/nsswitch.conf):
 * without them, a lookup of uid 0 finds no name.
 *
 *   openat(AT_FDCWD, "/etc/passwd", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
 *   write(2, "whoami: cannot find name for user ID 0: No such file or directory\n", ...)
 */
export const missingUserDb = familyRule({
  id: 'missing-user-db',
  family: 'user-db',
  message: /user|group|passwd|\buid\b|\bgid\b|login|name for/i,
  accept: (d) => d.errno === 'ENOENT' && !d.path.endsWith('nsswitch.conf'),
  cause: (ctx, failures, main, quoted) => {
    const files = [...new Set(failures.map((d) => d.path))];
    return (
      `${files.join(' and ')} ${files.length === 1 ? 'does' : 'do'} not exist ${ctx.subject.where}, so the ` +
      `program cannot turn user or group ids into names (${main.name} of ${main.path} fails with ${main.errno})` +
      says(quoted)
    );
  },
});
