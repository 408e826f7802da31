/* mmap and mprotect, made to fail on purpose. */
#include "cases.h"
#include <sys/mman.h>
#include <sys/resource.h>

#ifndef SYS_mseal
#define SYS_mseal 462 /* x86_64, Linux 6.10 */
#endif

static void small_address_space(void) {
  struct rlimit as = {64 << 20, 64 << 20};
  must(setrlimit(RLIMIT_AS, &as), "RLIMIT_AS 64 MiB");
  CHECK("mmap", ENOMEM, "1 GiB past RLIMIT_AS (64 MiB)",
        mmap(NULL, 1UL << 30, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
}

static void noexec_mount(void) {
  private_mounts();
  must(mount("tmpfs", at("noexec"), "tmpfs", MS_NOEXEC, NULL), "mount a noexec tmpfs");
  int fd = must(open(at("noexec/lib"), O_CREAT | O_RDWR, 0755), "create noexec/lib");
  must(ftruncate(fd, 4096), "ftruncate");
  CHECK("mmap", EPERM, "PROT_EXEC of a file on a noexec mount", mmap(NULL, 4096, PROT_READ | PROT_EXEC, MAP_PRIVATE, fd, 0));
  void *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) must(-1, "mmap PROT_READ");
  CHECK("mprotect", EACCES, "adding PROT_EXEC to a mapping of a file on a noexec mount", mprotect(p, 4096, PROT_READ | PROT_EXEC));
}

int main(int argc, char **argv) {
  start(argc, argv);
  must(mkdir(at("noexec"), 0755), "mkdir noexec");
  int rw = must(open(at("data"), O_CREAT | O_RDWR, 0644), "create data");
  must(ftruncate(rw, 4096), "ftruncate data");
  int ro = must(open(at("data"), O_RDONLY), "open data read-only");
  int dir = must(open(scratch, O_RDONLY | O_DIRECTORY), "open scratch");

  CHECK("mmap", EBADF, "fd 999 without MAP_ANONYMOUS", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 999, 0));
  CHECK("mmap", EINVAL, "length 0", mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  /* The raw call: glibc's mmap() refuses an unaligned offset itself, without asking the kernel. */
  CHECK("mmap", EINVAL, "an offset that is not page-aligned", syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_PRIVATE, ro, 100));
  CHECK("mmap", EACCES, "PROT_WRITE|MAP_SHARED on a read-only fd", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
  CHECK("mmap", ENODEV, "a directory: its filesystem has no mmap for it", mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, dir, 0));
  int sealed = must(memfd_create("spelunk", MFD_ALLOW_SEALING), "memfd_create");
  must(ftruncate(sealed, 4096), "ftruncate memfd");
  must(fcntl(sealed, F_ADD_SEALS, F_SEAL_WRITE), "F_SEAL_WRITE");
  CHECK("mmap", EPERM, "a writable shared mapping of a memfd sealed with F_SEAL_WRITE",
        mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, sealed, 0));

  void *shared_ro = mmap(NULL, 4096, PROT_READ, MAP_SHARED, ro, 0);
  if (shared_ro == MAP_FAILED) must(-1, "mmap shared read-only");
  CHECK("mprotect", EACCES, "adding PROT_WRITE to a shared mapping of a read-only fd", mprotect(shared_ro, 4096, PROT_READ | PROT_WRITE));
  char *anon = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (anon == MAP_FAILED) must(-1, "mmap anonymous");
  CHECK("mprotect", EINVAL, "an address that is not page-aligned", mprotect(anon + 1, 4096, PROT_READ));
  must(munmap(anon + 4096, 4096), "munmap the second page");
  CHECK("mprotect", ENOMEM, "part of the range is not mapped", mprotect(anon, 8192, PROT_READ));
  must(syscall(SYS_mseal, anon, 4096, 0), "mseal the first page");
  CHECK("mprotect", EPERM, "a sealed range (mseal)", mprotect(anon, 4096, PROT_READ | PROT_WRITE));
  in_child(small_address_space);
  in_child(noexec_mount);
  return 0;
}
