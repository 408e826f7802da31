/* execve and execveat, made to fail on purpose. */
#include "cases.h"

static char *const no_args[] = {"x", NULL};
static char *const no_env[] = {NULL};

static void write_text(const char *path, const char *text, mode_t mode) {
  int fd = must(open(path, O_CREAT | O_WRONLY | O_TRUNC, mode), path);
  must(write(fd, text, strlen(text)), path);
  close(fd);
  must(chmod(path, mode), path);
}

/* A copy of this very program whose ELF interpreter path (PT_INTERP) is replaced by `interp`. */
static void make_with_interpreter(const char *path, const char *interp) {
  static char buf[1 << 20];
  int in = must(open("/proc/self/exe", O_RDONLY), "open /proc/self/exe");
  ssize_t n = must(read(in, buf, sizeof buf), "read /proc/self/exe");
  close(in);
  const char *loader = "/lib64/ld-linux-x86-64.so.2";
  char *hit = memmem(buf, n, loader, strlen(loader));
  if (!hit) must(-1, "find the PT_INTERP path in the binary");
  memset(hit, 0, strlen(loader));
  memcpy(hit, interp, strlen(interp)); /* no longer than the original, NUL-padded */
  int out = must(open(path, O_CREAT | O_WRONLY | O_TRUNC, 0755), path);
  must(write(out, buf, n), path);
  close(out);
}

static void noexec_mount(void) {
  private_mounts();
  must(mount("tmpfs", at("noexec"), "tmpfs", MS_NOEXEC, NULL), "mount a noexec tmpfs");
  write_text(at("noexec/script"), "#!/bin/sh\nexit 0\n", 0755);
  CHECK("execve", EACCES, "the file is on a noexec mount", execve(at("noexec/script"), no_args, no_env));
}

static void without_dac(void) {
  keep_caps(ALL_CAPS & ~(CAP_BIT(CAP_DAC_OVERRIDE) | CAP_BIT(CAP_DAC_READ_SEARCH)));
  CHECK("execve", EACCES, "a directory on the path is not searchable", execve(at("locked/script"), no_args, no_env));
}

static void refused_by_seccomp(void) {
  refuse_with(SYS_execve, EPERM);
  CHECK("execve", EPERM, "a seccomp filter answers EPERM", execve("/bin/true", no_args, no_env));
}

static void interpreter_not_elf(void) {
  must(chdir(scratch), "chdir scratch");
  CHECK("execve", ELIBBAD, "the ELF interpreter it names is a text file", execve(at("text-interp"), no_args, no_env));
  CHECK("execve", EIO, "the ELF interpreter it names is an empty file", execve(at("empty-interp"), no_args, no_env));
}

static void open_for_writing(void) {
  int fd = must(open(at("busy"), O_WRONLY), "open busy for writing");
  CHECK("execve", ETXTBSY, "the file is open for writing", execve(at("busy"), no_args, no_env));
  close(fd);
}

int main(int argc, char **argv) {
  start(argc, argv);
  must(mkdir(at("noexec"), 0755), "mkdir noexec");
  must(mkdir(at("locked"), 0755), "mkdir locked");
  write_text(at("locked/script"), "#!/bin/sh\nexit 0\n", 0755);
  must(chmod(at("locked"), 0), "chmod locked 000");
  write_text(at("missing-interp"), "#!/spelunk/no/such/interpreter\n", 0755);
  make_with_interpreter(at("bad-elf-interp"), "/lib64/ld-linux-x86-64.so.9");
  make_with_interpreter(at("text-interp"), "not-an-elf"); /* relative: resolved from the cwd */
  make_with_interpreter(at("empty-interp"), "empty-elf");
  write_text(at("not-an-elf"), "#!/bin/sh\n# longer than an ELF header (64 bytes), but text: no ELF magic\n", 0755);
  write_text(at("empty-elf"), "", 0755);
  write_text(at("not-exec"), "#!/bin/sh\nexit 0\n", 0644);
  write_text(at("garbage"), "this is not a program\n", 0755);
  write_text(at("busy"), "#!/bin/sh\nexit 0\n", 0755);
  write_text(at("file"), "", 0644);
  must(symlink("loop-b", at("loop-a")), "symlink loop-a");
  must(symlink("loop-a", at("loop-b")), "symlink loop-b");
  must(symlink("/bin/true", at("link-to-true")), "symlink link-to-true");
  /* Scripts whose interpreter is a script whose interpreter is a script...: six levels. */
  char prev[4096] = "/bin/sh";
  for (int i = 1; i <= 6; i++) {
    char name[32], text[4200];
    snprintf(name, sizeof name, "nested-%d", i);
    snprintf(text, sizeof text, "#!%s\n", prev);
    write_text(at(name), text, 0755);
    snprintf(prev, sizeof prev, "%s", at(name));
  }

  CHECK("execve", ENOENT, "the file does not exist", execve(at("missing"), no_args, no_env));
  CHECK("execve", ENOENT, "the ELF interpreter it names does not exist (/lib64/ld-linux-x86-64.so.9)",
        execve(at("bad-elf-interp"), no_args, no_env));
  CHECK("execve", ENOENT, "the #! interpreter it names does not exist", execve(at("missing-interp"), no_args, no_env));
  CHECK("execve", EACCES, "no execute bit at all (root too)", execve(at("not-exec"), no_args, no_env));
  CHECK("execve", EACCES, "a directory, not a regular file", execve(scratch, no_args, no_env));
  CHECK("execve", ENOEXEC, "neither ELF nor #!", execve(at("garbage"), no_args, no_env));
  CHECK("execve", ENOTDIR, "a path component is a file", execve(at("file/x"), no_args, no_env));
  CHECK("execve", ELOOP, "a symlink loop", execve(at("loop-a"), no_args, no_env));
  CHECK("execve", ELOOP, "#! interpreters nested six deep", execve(prev, no_args, no_env));
  static char huge[200000];
  memset(huge, 'x', sizeof huge - 1);
  char *const big_args[] = {"x", huge, NULL};
  CHECK("execve", E2BIG, "one argument longer than 128 KiB", execve("/bin/true", big_args, no_env));
  int dir = must(open(scratch, O_RDONLY | O_DIRECTORY), "open scratch");
  CHECK("execveat", ENOENT, "the file does not exist", syscall(SYS_execveat, dir, "missing", no_args, no_env, 0));
  CHECK("execveat", EACCES, "no execute bit", syscall(SYS_execveat, dir, "not-exec", no_args, no_env, 0));
  CHECK("execveat", EBADF, "dirfd 999 is not open", syscall(SYS_execveat, 999, "x", no_args, no_env, 0));
  CHECK("execveat", ELOOP, "AT_SYMLINK_NOFOLLOW on a symlink",
        syscall(SYS_execveat, dir, "link-to-true", no_args, no_env, AT_SYMLINK_NOFOLLOW));
  in_child(noexec_mount);
  in_child(without_dac);
  in_child(refused_by_seccomp);
  in_child(open_for_writing);
  in_child(interpreter_not_elf);
  return 0;
}
