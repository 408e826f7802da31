/* keyctl, add_key and request_key, made to fail on purpose, in a fresh session keyring of their own. */
#include "cases.h"
#include <linux/keyctl.h>
#include <time.h>

/* Possessor permission bits (keyutils.h names them; the kernel's uapi does not). */
#define KEY_POS_VIEW 0x01000000
#define KEY_POS_READ 0x02000000
#define KEY_POS_SEARCH 0x08000000

typedef int32_t key_serial_t;

static long add_key(const char *type, const char *desc, const void *payload, size_t len, key_serial_t ring) {
  return syscall(SYS_add_key, type, desc, payload, len, ring);
}

static long keyctl(int op, unsigned long a, unsigned long b, unsigned long c) {
  return syscall(SYS_keyctl, op, a, b, c, 0);
}

static char payload[40000];

static void quota(void) {
  /* uid 65534 has a quota of /proc/sys/kernel/keys/maxbytes (20000) bytes; root's is far larger. */
  must(setuid(65534), "setuid(65534)");
  must(keyctl(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0), "a session keyring owned by uid 65534");
  long first = -1, r = 0;
  char desc[32];
  for (int i = 0; i < 40 && r != -1; i++) {
    snprintf(desc, sizeof desc, "spelunk-big-%d", i);
    r = add_key("user", desc, payload, 2000, KEY_SPEC_SESSION_KEYRING);
    if (first == -1) first = r;
  }
  r = 0;
  for (int i = 0; i < 100 && r != -1; i++) {
    snprintf(desc, sizeof desc, "spelunk-small-%d", i);
    errno = 0;
    r = add_key("user", desc, payload, 100, KEY_SPEC_SESSION_KEYRING);
    if (r == -1) report("add_key", r, errno, EDQUOT, "uid 65534's key quota (maxbytes) is used up");
  }
  if (first == -1) must(-1, "no key could be added at all");
  if (r != -1) must(-1, "100 small keys fit after the quota was reached");
  CHECK("keyctl", EDQUOT, "KEYCTL_UPDATE to a larger payload with the quota used up",
        syscall(SYS_keyctl, KEYCTL_UPDATE, first, payload, 2500, 0));
}

static void refused_by_seccomp(int err, const char *what) {
  refuse_with(SYS_keyctl, err);
  CHECK("keyctl", err, what, keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0, 0));
}
static void seccomp_eperm(void) { refused_by_seccomp(EPERM, "a seccomp profile answers EPERM (Docker's default refuses keyctl)"); }
static void seccomp_enosys(void) { refused_by_seccomp(ENOSYS, "a seccomp filter answers ENOSYS"); }

int main(int argc, char **argv) {
  start(argc, argv);
  must(keyctl(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0), "a fresh anonymous session keyring");
  CHECK("keyctl", ENOKEY, "a key serial that does not exist", keyctl(KEYCTL_READ, 0x7ffffff0, (unsigned long)payload, 10));
  key_serial_t k = must(add_key("user", "spelunk-key", "secret", 6, KEY_SPEC_SESSION_KEYRING), "add a user key");
  must(keyctl(KEYCTL_SETPERM, k, 0, 0), "KEYCTL_SETPERM 0");
  CHECK("keyctl", EACCES, "reading a key whose permissions are 0", keyctl(KEYCTL_READ, k, (unsigned long)payload, 10));
  CHECK("add_key", EINVAL, "an empty description", add_key("user", "", "x", 1, KEY_SPEC_SESSION_KEYRING));
  CHECK("add_key", EINVAL, "a user key payload over 32767 bytes", add_key("user", "spelunk-huge", payload, 32768, KEY_SPEC_SESSION_KEYRING));
  CHECK("add_key", ENODEV, "a key type this kernel does not know", add_key("spelunk-nosuchtype", "x", "x", 1, KEY_SPEC_SESSION_KEYRING));
  CHECK("add_key", EPERM, "a type name starting with '.' (kernel-internal types)", add_key(".spelunk", "x", "x", 1, KEY_SPEC_SESSION_KEYRING));
  key_serial_t ring = must(add_key("keyring", "spelunk-ring", NULL, 0, KEY_SPEC_SESSION_KEYRING), "add a keyring");
  must(keyctl(KEYCTL_SETPERM, ring, KEY_POS_VIEW | KEY_POS_READ | KEY_POS_SEARCH, 0), "keyring without write permission");
  CHECK("add_key", EACCES, "into a keyring without write permission", add_key("user", "spelunk-in", "x", 1, ring));
  CHECK("request_key", ENOKEY, "no such key and no callout to make one",
        syscall(SYS_request_key, "user", "spelunk-nobody-has-this", NULL, 0));
  key_serial_t revoked = must(add_key("user", "spelunk-revoked", "x", 1, KEY_SPEC_SESSION_KEYRING), "add a key");
  must(keyctl(KEYCTL_REVOKE, revoked, 0, 0), "KEYCTL_REVOKE");
  CHECK("request_key", EKEYREVOKED, "the key was revoked", syscall(SYS_request_key, "user", "spelunk-revoked", NULL, 0));
  /* An expired key: reading it says so; request_key skips it and says ENOKEY (its search skips expired keys). */
  key_serial_t expiring = must(add_key("user", "spelunk-expiring", "x", 1, KEY_SPEC_SESSION_KEYRING), "add a key");
  must(keyctl(KEYCTL_SET_TIMEOUT, expiring, 1, 0), "KEYCTL_SET_TIMEOUT 1 s");
  struct timespec wait = {1, 200 * 1000 * 1000};
  nanosleep(&wait, NULL);
  CHECK("keyctl", EKEYEXPIRED, "reading a key whose timeout passed", keyctl(KEYCTL_READ, expiring, (unsigned long)payload, 10));
  CHECK("request_key", ENOKEY, "the only matching key has expired", syscall(SYS_request_key, "user", "spelunk-expiring", NULL, 0));
  in_child(quota);
  in_child(seccomp_eperm);
  in_child(seccomp_enosys);
  return 0;
}
