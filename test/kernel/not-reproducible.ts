/**
 * Errnos the catalogue lists for the calls of test/kernel/src that no program here makes happen, each with
 * the reason. errno-reproductions.test.ts fails when one of these is reproduced after all (drop it from
 * here), or when the catalogue lists an errno that is neither reproduced nor here.
 */
export const NOT_REPRODUCIBLE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  unshare: {
    ENOMEM:
      'Out of kernel memory: one call cannot be made to run out of memory without starving the whole machine.',
    EUSERS:
      'Only Linux 3.11 to 4.8 returned it for nesting; this kernel answers ENOSPC, which is reproduced.',
  },
  clone: {
    ENOMEM:
      'Out of kernel memory: one call cannot be made to run out of memory without starving the whole machine.',
    ERESTARTNOINTR:
      'Kernel-internal: a signal arriving while the kernel copies the process makes it restart the call by itself; programs never see it, and strace shows it only when the timing happens to catch it.',
  },
  request_key: {
    EKEYEXPIRED:
      'It needs the request-key upcall (/sbin/request-key from keyutils, not installed here) rejecting a construction with it; an existing expired key is skipped and the call says ENOKEY, which is reproduced.',
  },
};
