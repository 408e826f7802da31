/**
 * Which part of a system a path belongs to, for the rules that explain what a chroot or a container
 * lacks: the kernel's pseudo-filesystems (/proc, /sys), device nodes, the user database, locales, an
 * interpreter's standard library, the dynamic loader's files. Null for everything else (the program's
 * own files, which `missing-file` explains).
 */
export type PathFamily = 'proc' | 'sys' | 'dev' | 'user-db' | 'locale' | 'stdlib' | 'loader';

const FAMILIES: [PathFamily, RegExp][] = [
  ['proc', /^\/proc(\/|$)/],
  ['sys', /^\/sys(\/|$)/],
  ['dev', /^\/dev(\/|$)/],
  ['user-db', /^\/etc\/(passwd|group|shadow|gshadow|nsswitch\.conf)$/],
  [
    'locale',
    /^\/usr\/(lib|share)\/locale(\/|$)|\/locale-archive$|\/locale\.alias$|\/gconv(\/|-modules)|^\/usr\/share\/i18n\//,
  ],
  [
    'stdlib',
    /^\/usr\/(local\/)?lib(64)?\/python\d|^\/usr\/(local\/)?lib\/python3\/|^\/usr\/(local\/)?share\/perl|^\/usr\/(local\/)?lib\/[^/]*\/?perl|^\/etc\/perl(\/|$)|^\/usr\/lib\/ruby\/|python\d+\.zip$|\/lib-dynload(\/|$)/,
  ],
  ['loader', /^\/etc\/ld\.so\.(cache|preload)$|\/ld-linux[^/]*\.so|\.so(\.\d+)*$/],
];

export function pathFamily(path: string): PathFamily | null {
  for (const [family, re] of FAMILIES) if (re.test(path)) return family;
  return null;
}
