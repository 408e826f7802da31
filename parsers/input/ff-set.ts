import { pidFromFileName } from '../strace/parse-files.js';

/** The files of a folder that form one `strace -ff -o PREFIX` set, or why none does. */
export type FfSetChoice = { ok: true; prefix: string; members: string[] } | { ok: false; message: string };

/**
 * Picks the `-ff` set among the names of a folder's files: `PREFIX.PID` names (see pidFromFileName)
 * sharing one PREFIX, in pid order. Other files (session.json, stdout.txt) are left out; names of two
 * sets (`trace.812` and `notes.2024`) are a choice the user has to make, so they are refused with both
 * prefixes named rather than merged into one trace. `dir` only names the folder in that message.
 */
export function selectFfSet(names: readonly string[], dir = ''): FfSetChoice {
  const byPrefix = new Map<string, { name: string; pid: number }[]>();
  for (const name of names) {
    const pid = pidFromFileName(name);
    if (pid === undefined) continue;
    const prefix = name.slice(0, name.length - String(pid).length - 1);
    const set = byPrefix.get(prefix) ?? [];
    set.push({ name, pid });
    byPrefix.set(prefix, set);
  }
  if (byPrefix.size === 0)
    return { ok: false, message: 'holds no NAME.PID files (strace -ff output); name a log file' };
  if (byPrefix.size > 1) {
    // the largest set first: the likely trace, the others strays such as `notes.2024`
    const prefixes = [...byPrefix.keys()].sort(
      (a, b) => byPrefix.get(b)!.length - byPrefix.get(a)!.length || a.localeCompare(b),
    );
    const sets = prefixes.map((p) => `${p}.* (${byPrefix.get(p)!.length})`).join(', ');
    return {
      ok: false,
      message: `holds ${prefixes.length} -ff sets, ${sets}: name the files of one, e.g. "${dir ? `${dir}/` : ''}${prefixes[0]}.*"`,
    };
  }
  const [[prefix, set]] = [...byPrefix] as [[string, { name: string; pid: number }[]]];
  return { ok: true, prefix, members: set.sort((a, b) => a.pid - b.pid).map((m) => m.name) };
}
