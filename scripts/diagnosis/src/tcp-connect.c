/* Connects to ADDRESS PORT over TCP and says whether it could: the smallest network client.
 * In a new network namespace (only lo, and down) connect() fails with ENETUNREACH. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: tcp-connect ADDRESS PORT\n", stderr);
    return 2;
  }
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(argv[2]))};
  if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
    fprintf(stderr, "tcp-connect: not an IPv4 address: %s\n", argv[1]);
    return 2;
  }
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0 || connect(fd, (struct sockaddr *)&to, sizeof to) != 0) {
    fprintf(stderr, "tcp-connect: cannot connect to %s:%s: %s\n", argv[1], argv[2], strerror(errno));
    return 1;
  }
  printf("connected to %s:%s\n", argv[1], argv[2]);
  close(fd);
  return 0;
}
