/**
 * The argument tree: every value strace prints becomes one node. Every node keeps the exact text it was
 * parsed from (`text`), so a consumer can always fall back to what strace printed, and anything the
 * grammar does not model yet becomes an `other` node instead of breaking the line.
 *
 * Real examples and the node each becomes:
 *   "/etc/hostname"                 string
 *   "AAAA"...                       string, truncated
 *   3</etc/hostname>                fd (also 4<TCP:[127.0.0.1:80]>, 9693<true> under -Y)
 *   O_RDONLY|O_CLOEXEC              flags
 *   1<<MAP_HUGE_SHIFT, 8192*1024    expr
 *   {st_mode=S_IFREG|0644, ...}     struct
 *   ["/bin/true", "x"], [USR2 RT_3] array (a sigset prints without commas)
 *   ~[RT_1]                         array, complement
 *   0x7ffd... /* 39 vars *\/        commented (the pointer, and the comment text)
 *   [128 => 16]                     array of one inout
 *   makedev(0x1, 0x3), htons(80)    call
 *   child_stack=NULL                named (top-level `name=value`, as clone() prints)
 */
export type ArgNode =
  | StringArg
  | NumberArg
  | NullArg
  | ConstArg
  | FdArg
  | FlagsArg
  | ExprArg
  | StructArg
  | ArrayArg
  | CallArg
  | CommentedArg
  | InOutArg
  | NamedArg
  | EllipsisArg
  | OtherArg;

export interface StringArg {
  type: 'string';
  text: string;
  /** The decoded text: escapes resolved, bytes read as UTF-8 where they form valid UTF-8. */
  value: string;
  /** strace cut the string at `-s` bytes (`"..."...`). */
  truncated: boolean;
  /** `@"..."`: an abstract unix socket name. */
  abstract?: boolean;
  /** The bytes were not valid UTF-8, so `value` holds one char per byte (binary data: "\177ELF\2\1..."). */
  latin1?: boolean;
}

export interface NumberArg {
  type: 'number';
  text: string;
  /** May lose precision past 2^53; `text` never does. */
  value: number;
  base: 8 | 10 | 16;
}

export interface NullArg {
  type: 'null';
  text: string;
}

/** A named constant or identifier: AT_FDCWD, SEEK_SET, RLIM64_INFINITY, &sin6_addr, USR2. */
export interface ConstArg {
  type: 'const';
  text: string;
  name: string;
}

/** A value decorated by `-y`/`-yy`/`-Y`: the number and what strace printed between `<` and `>`. */
export interface FdArg {
  type: 'fd';
  text: string;
  value: number;
  path: string;
  /** The constant it decorates, if not a number: AT_FDCWD</home/user>. */
  name?: string;
  /** `(deleted)` followed the decoration. */
  deleted?: boolean;
  /** -yy device info nested after the path: `char 1:3` for `1</dev/null<char 1:3>>` (`path` is then `/dev/null`). */
  device?: string;
  /** -X verbose: the comment between number and decoration, `AT_FDCWD` for `-100 /* AT_FDCWD *\/</home/user>`. */
  comment?: string;
}

/** Terms joined by `|`: O_RDONLY|O_CLOEXEC, PROT_READ|0x100. */
export interface FlagsArg {
  type: 'flags';
  text: string;
  items: ArgNode[];
}

/** Terms joined by another operator: `<<`, `*`, `+`, ` && `, ` == `, ` or `. */
export interface ExprArg {
  type: 'expr';
  text: string;
  op: string;
  items: ArgNode[];
}

export interface StructField {
  /** Null for an unnamed member (netlink `[{hdr}, {payload}]`); `[VINTR]` designators keep their brackets. */
  name: string | null;
  value: ArgNode;
}

export interface StructArg {
  type: 'struct';
  text: string;
  fields: StructField[];
}

export interface ArrayArg {
  type: 'array';
  text: string;
  items: ArgNode[];
  /** `~[...]`: every element but these (signal sets). */
  complement?: boolean;
  /** Members were separated by spaces, not commas: a sigset/fd_set/cpuset (`[USR2 RT_3]`). */
  bitset?: boolean;
}

/** A value printed as a call: makedev(0x1, 0x3), htons(80), inet_addr("127.0.0.1"), _IOC(...). */
export interface CallArg {
  type: 'call';
  text: string;
  name: string;
  args: ArgNode[];
}

/** A value followed by a C comment: `0x7ffd /* 39 vars *\/`, `0x80000 /* O_RDONLY|O_CLOEXEC *\/` (-X verbose). */
export interface CommentedArg {
  type: 'commented';
  text: string;
  value: ArgNode;
  comment: string;
}

/** `in => out`: a value the kernel read and then overwrote ([128 => 16], clone3's struct). */
export interface InOutArg {
  type: 'inout';
  text: string;
  in: ArgNode;
  out: ArgNode;
}

/** A `name=value` argument: top level (clone, strace -N), or an array element with a designator (`[VINTR]=0x3`). */
export interface NamedArg {
  type: 'named';
  text: string;
  name: string;
  value: ArgNode;
}

/** A bare `...`: elided members or elements. */
export interface EllipsisArg {
  type: 'ellipsis';
  text: string;
}

/** Text the grammar does not model; kept verbatim. */
export interface OtherArg {
  type: 'other';
  text: string;
}
