/**
 * Reads what `ldd PROGRAM` printed. Real output (glibc 2.36):
 *
 *   	linux-vdso.so.1 (0x00007ffd5e9f6000)                          the vDSO: in the kernel, never a file
 *   	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f...)    a library and where the loader found it
 *   	/lib64/ld-linux-x86-64.so.2 (0x00007f...)                     the dynamic loader (the ELF interpreter)
 *   	libfoo.so.1 => not found                                      missing on this machine
 *   	not a dynamic executable                                      static binary (ldd exits 1)
 *   	statically linked                                             static-pie binary (ldd exits 0)
 */
export interface LddLibrary {
  /** The soname the program asked for (for the loader line, its path). */
  name: string;
  /** Where it resolves on this machine; null when ldd printed `not found`. */
  path: string | null;
}

export interface LddResult {
  /** No loader and no libraries: the binary runs on its own. */
  isStatic: boolean;
  /** The ELF interpreter, e.g. /lib64/ld-linux-x86-64.so.2. */
  loader: string | null;
  libraries: LddLibrary[];
}

const ARROW_LINE = /^(\S+) => (?:(\/\S*)|not found)(?: \(0x[0-9a-f]+\))?$/; // name => path (addr) | name => not found
const PATH_LINE = /^(\/\S+) \(0x[0-9a-f]+\)$/; // /lib64/ld-linux-x86-64.so.2 (0x...)
const VDSO = /^linux-(vdso|gate)\.so\.\d+/;

export function parseLddOutput(text: string): LddResult {
  const result: LddResult = { isStatic: false, loader: null, libraries: [] };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || VDSO.test(line)) continue;
    if (line === 'not a dynamic executable' || line === 'statically linked') {
      result.isStatic = true;
      continue;
    }
    const arrow = ARROW_LINE.exec(line);
    if (arrow) {
      const name = arrow[1] as string;
      const path = arrow[2] ?? null;
      // The loader can also appear as `/lib64/ld-linux-x86-64.so.2 => /lib/...` on some distributions.
      if (name.startsWith('/') && name.includes('/ld-')) result.loader = name;
      else result.libraries.push({ name, path });
      continue;
    }
    const loader = PATH_LINE.exec(line);
    if (loader) result.loader = loader[1] as string;
  }
  if (result.loader === null && result.libraries.length === 0) result.isStatic = true;
  return result;
}
