/* rseq, made to fail on purpose next to the area glibc registered at start-up. */
#include "cases.h"
#include <linux/rseq.h>

#define RSEQ_SIG 0x53053053 /* what glibc passes on x86 */
extern const ptrdiff_t __rseq_offset; /* glibc 2.35: where its area is, from the thread pointer */

static struct rseq other __attribute__((aligned(32)));

static void refused_by_seccomp(void) {
  refuse_with(SYS_rseq, ENOSYS);
  CHECK("rseq", ENOSYS, "a seccomp filter answers ENOSYS (glibc then runs without rseq)",
        syscall(SYS_rseq, &other, 32, 0, RSEQ_SIG));
}

int main(int argc, char **argv) {
  start(argc, argv);
  struct rseq *glibc_area = (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
  CHECK("rseq", EINVAL, "another area while glibc's is registered", syscall(SYS_rseq, &other, 32, 0, RSEQ_SIG));
  CHECK("rseq", EBUSY, "glibc's own area again, same length and signature", syscall(SYS_rseq, glibc_area, 32, 0, RSEQ_SIG));
  CHECK("rseq", EPERM, "glibc's area with another signature", syscall(SYS_rseq, glibc_area, 32, 0, 0x12345678));
  CHECK("rseq", EPERM, "unregistering with another signature",
        syscall(SYS_rseq, glibc_area, 32, RSEQ_FLAG_UNREGISTER, 0x12345678));
  CHECK("rseq", EINVAL, "flags it does not know", syscall(SYS_rseq, glibc_area, 32, 0x40, RSEQ_SIG));
  in_child(refused_by_seccomp);
  return 0;
}
