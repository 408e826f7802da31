import { caseDir } from '../case-recipe.js';

/** The busybox toy rootfs of a case: one static busybox and a link per applet, nothing else. */
export const busyboxRoot = (id: string): string => `${caseDir(id)}/root`;

/** Setup lines that build it (busybox-static's /bin/busybox). */
export function busyboxSetup(id: string, applets = ['sh', 'echo', 'cat', 'ls', 'env', 'wc']): string[] {
  const root = busyboxRoot(id);
  return [
    `mkdir -p ${root}/bin`,
    `cp /bin/busybox ${root}/bin/`,
    `for a in ${applets.join(' ')}; do ln -s busybox ${root}/bin/$a; done`,
  ];
}
