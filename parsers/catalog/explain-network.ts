import type { SyscallExplanation } from './types.js';

const SOCKFD = ['sockfd', 'The socket.'] as const;
const NOT_SOCKET = ['ENOTSOCK', 'The fd is not a socket.'] as const;

/** Sockets: unix, IP and netlink; plus the UTS names a network namespace-minded reader meets. */
export const NETWORK_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  socket: {
    summary:
      "Creates a communication endpoint. The family says what kind: AF_UNIX (local, e.g. glibc asking nscd or systemd), AF_INET/AF_INET6 (IP), AF_NETLINK (talking to the kernel — `ip` uses it to list interfaces and routes). Sockets are per network namespace: one created after `unshare -n` only sees that namespace's interfaces.",
    args: [
      ['domain', 'The address family: AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET...'],
      [
        'type',
        'SOCK_STREAM (TCP-like), SOCK_DGRAM (UDP-like), SOCK_RAW..., plus SOCK_CLOEXEC/SOCK_NONBLOCK.',
      ],
      [
        'protocol',
        'Usually 0 (the default for the family and type); for netlink, which kernel subsystem (NETLINK_ROUTE).',
      ],
    ],
    returns: 'A new fd for the socket.',
    errors: [
      ['EAFNOSUPPORT', 'This kernel (or namespace) does not support the family, e.g. IPv6 disabled.'],
      ['EPROTONOSUPPORT', 'The protocol is not available for this family/type.'],
      [
        'EPERM',
        'SOCK_RAW or AF_PACKET without CAP_NET_RAW (what ping hits when the capability is dropped), or refused by seccomp.',
      ],
      ['EACCES', 'Refused by an LSM policy (SELinux, AppArmor).'],
      ['EMFILE', 'Too many open fds.'],
    ],
  },
  socketpair: {
    summary:
      'Creates a pair of connected unix sockets — a two-way pipe. Programs use it to talk to a child process or between threads.',
    args: [
      ['domain', 'AF_UNIX.'],
      ['type', 'SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET, plus flags.'],
      ['protocol', '0.'],
      ['sv', 'Where to store the two fds.'],
    ],
    returns: '0 on success (the fds are in sv).',
    errors: [
      ['EOPNOTSUPP', 'The family does not support pairs (only AF_UNIX does).'],
      ['EMFILE', 'Too many open fds.'],
    ],
  },
  connect: {
    summary:
      'Connects a socket to an address: a unix socket path (e.g. /var/run/nscd/socket, which glibc tries when looking up users), or an IP address and port. On a non-blocking socket it starts the connection and returns EINPROGRESS.',
    args: [
      SOCKFD,
      ['addr', 'The address to connect to (strace decodes sun_path, sin_addr/sin_port, ...).'],
      ['addrlen', 'Size of the address structure.'],
    ],
    returns: '0 when connected.',
    errors: [
      [
        'ENOENT',
        'A unix socket path that does not exist — e.g. no nscd running; glibc then reads /etc/passwd itself. Harmless.',
      ],
      ['ECONNREFUSED', 'Nothing listening at that address.'],
      [
        'EINPROGRESS',
        'Non-blocking connect started; the result comes later through poll and SO_ERROR. Not a failure.',
      ],
      [
        'ENETUNREACH',
        'No route to the network — the typical result inside a fresh network namespace (`unshare -n`) where only lo exists.',
      ],
      ['ETIMEDOUT', 'The peer never answered.'],
      ['EACCES', 'Write permission missing on the unix socket file, or connecting to a broadcast address.'],
      ['EAFNOSUPPORT', 'The address family does not match the socket.'],
    ],
  },
  accept: {
    summary: 'Takes the next pending connection from a listening socket and returns a new socket for it.',
    args: [
      SOCKFD,
      ['addr', "Where to store the peer's address, or NULL."],
      ['addrlen', 'In: size of addr; out: actual size.'],
    ],
    returns: 'A new fd for the connection.',
    errors: [
      ['EAGAIN', 'Non-blocking and no pending connection.'],
      ['EINVAL', 'The socket is not listening.'],
      ['EMFILE', 'Too many open fds.'],
      ['ECONNABORTED', 'The client gave up before accept.'],
      NOT_SOCKET,
    ],
  },
  accept4: {
    summary:
      'accept with flags to set SOCK_NONBLOCK/SOCK_CLOEXEC on the new socket atomically; what servers use.',
    args: [
      SOCKFD,
      ['addr', "Where to store the peer's address, or NULL."],
      ['addrlen', 'In/out size of addr.'],
      ['flags', 'SOCK_NONBLOCK, SOCK_CLOEXEC.'],
    ],
    returns: 'A new fd for the connection.',
    errors: [
      ['EAGAIN', 'Non-blocking and no pending connection.'],
      ['EINVAL', 'Not listening or bad flags.'],
      ['EMFILE', 'Too many open fds.'],
    ],
  },
  bind: {
    summary:
      'Gives a socket a local address: a port (and IP) for a server, a path for a unix socket, or a group/port id for netlink.',
    args: [SOCKFD, ['addr', 'The local address.'], ['addrlen', 'Its size.']],
    returns: '0 on success.',
    errors: [
      ['EADDRINUSE', 'The port or unix path is already taken.'],
      [
        'EACCES',
        'Ports below 1024 need CAP_NET_BIND_SERVICE; or no write permission where the unix socket file would go.',
      ],
      ['EADDRNOTAVAIL', 'The IP is not assigned to any interface in this network namespace.'],
      ['EINVAL', 'The socket is already bound.'],
    ],
  },
  listen: {
    summary: 'Marks a bound stream socket as willing to accept connections.',
    args: [SOCKFD, ['backlog', 'How many pending connections may queue (capped by net.core.somaxconn).']],
    returns: '0 on success.',
    errors: [
      ['EADDRINUSE', 'Another socket listens on the same port.'],
      ['EOPNOTSUPP', 'The socket type cannot listen (e.g. UDP).'],
      NOT_SOCKET,
    ],
  },
  sendto: {
    summary:
      'Sends a message on a socket, optionally to a given address (for datagram sockets); `ip` sends its netlink requests this way.',
    args: [
      SOCKFD,
      ['buf', 'The data.'],
      ['len', 'Its length.'],
      ['flags', 'MSG_DONTWAIT, MSG_NOSIGNAL, MSG_MORE, ...'],
      ['dest_addr', 'Destination, or NULL on a connected socket.'],
      ['addrlen', 'Size of dest_addr.'],
    ],
    returns: 'The number of bytes sent.',
    errors: [
      ['EPIPE', 'The connection is closed (SIGPIPE too, unless MSG_NOSIGNAL).'],
      ['EAGAIN', 'Non-blocking and the send buffer is full.'],
      ['ECONNREFUSED', 'A datagram peer reported nothing listening.'],
      ['ENETUNREACH', 'No route.'],
      ['EMSGSIZE', 'The datagram is too large.'],
    ],
  },
  recvfrom: {
    summary: "Receives a message from a socket, optionally reporting the sender's address.",
    args: [
      SOCKFD,
      ['buf', 'Where to put the data.'],
      ['len', 'Buffer size.'],
      ['flags', 'MSG_DONTWAIT, MSG_PEEK, MSG_TRUNC, MSG_WAITALL, ...'],
      ['src_addr', "Where to store the sender's address, or NULL."],
      ['addrlen', 'In/out size of src_addr.'],
    ],
    returns: 'Bytes received; 0 means the peer closed a stream connection.',
    errors: [
      ['EAGAIN', 'Non-blocking and nothing to read.'],
      ['ECONNREFUSED', 'Datagram peer unreachable.'],
      ['EINTR', 'Interrupted by a signal.'],
      ['ENOTCONN', 'Stream socket not connected.'],
    ],
  },
  sendmsg: {
    summary:
      'The most general send: several buffers, a destination, and ancillary data such as fds passed over a unix socket (SCM_RIGHTS) or credentials.',
    args: [SOCKFD, ['msg', 'struct msghdr: name, iov buffers, control data.'], ['flags', 'MSG_... flags.']],
    returns: 'Bytes sent.',
    errors: [
      ['EPIPE', 'Connection closed.'],
      ['EAGAIN', 'Would block.'],
      ['ENOBUFS', 'Kernel buffers exhausted.'],
      ['EPERM', 'Netlink message needing CAP_NET_ADMIN (e.g. changing interfaces).'],
    ],
  },
  recvmsg: {
    summary:
      "The most general receive: several buffers, the sender's address, and ancillary data (passed fds, credentials). Netlink replies from the kernel (interface and route lists) arrive this way.",
    args: [
      SOCKFD,
      ['msg', 'struct msghdr to fill.'],
      ['flags', 'MSG_PEEK, MSG_TRUNC, MSG_DONTWAIT, MSG_CMSG_CLOEXEC, ...'],
    ],
    returns: 'Bytes received; 0 at end of a stream.',
    errors: [
      ['EAGAIN', 'Would block.'],
      ['EINTR', 'Interrupted.'],
      ['ENOBUFS', "A netlink socket's receive buffer overflowed."],
    ],
  },
  sendmmsg: {
    summary:
      "Sends several messages in one call; glibc's DNS resolver sends the A and AAAA queries together this way.",
    args: [
      SOCKFD,
      ['msgvec', 'Array of struct mmsghdr.'],
      ['vlen', 'How many.'],
      ['flags', 'MSG_... flags.'],
    ],
    returns: 'The number of messages sent.',
    errors: [
      ['EAGAIN', 'Would block.'],
      ['ECONNREFUSED', 'Nothing listening (e.g. no DNS server at that address).'],
    ],
  },
  recvmmsg: {
    summary: 'Receives several messages in one call, with an optional timeout.',
    args: [
      SOCKFD,
      ['msgvec', 'Array of struct mmsghdr.'],
      ['vlen', 'Capacity.'],
      ['flags', 'MSG_... flags.'],
      ['timeout', 'A timespec, or NULL.'],
    ],
    returns: 'The number of messages received.',
    errors: [
      ['EAGAIN', 'Would block.'],
      ['EINTR', 'Interrupted.'],
    ],
  },
  shutdown: {
    summary:
      'Shuts down one or both directions of a connection without closing the fd; e.g. SHUT_WR tells the peer "no more data from me" (it reads EOF).',
    args: [SOCKFD, ['how', 'SHUT_RD, SHUT_WR or SHUT_RDWR.']],
    returns: '0 on success.',
    errors: [['ENOTCONN', 'The socket is not connected.'], NOT_SOCKET],
  },
  getsockname: {
    summary:
      'Returns the local address a socket is bound to (e.g. which port the kernel picked, or the netlink port id).',
    args: [SOCKFD, ['addr', 'Where to store the address.'], ['addrlen', 'In/out size.']],
    returns: '0 on success.',
    errors: [NOT_SOCKET, ['EBADF', 'fd is not open.']],
  },
  getpeername: {
    summary: 'Returns the address of the peer a socket is connected to.',
    args: [SOCKFD, ['addr', 'Where to store the address.'], ['addrlen', 'In/out size.']],
    returns: '0 on success.',
    errors: [['ENOTCONN', 'Not connected.'], NOT_SOCKET],
  },
  setsockopt: {
    summary:
      'Sets a socket option: SO_REUSEADDR, SO_RCVBUF/SO_SNDBUF buffer sizes, TCP_NODELAY, SO_PASSCRED, netlink membership, and the classic-BPF filters of SO_ATTACH_FILTER.',
    args: [
      SOCKFD,
      ['level', 'SOL_SOCKET, IPPROTO_TCP, IPPROTO_IPV6, SOL_NETLINK, ...'],
      ['optname', 'The option.'],
      ['optval', 'Its new value.'],
      ['optlen', 'Size of optval.'],
    ],
    returns: '0 on success.',
    errors: [
      ['ENOPROTOOPT', 'The option does not exist at that level.'],
      ['EINVAL', 'Bad value or length.'],
      ['EPERM', 'A privileged option (e.g. SO_RCVBUFFORCE needs CAP_NET_ADMIN).'],
    ],
  },
  getsockopt: {
    summary:
      'Reads a socket option, e.g. SO_ERROR to learn how a non-blocking connect ended, or SO_PEERCRED to learn who is on the other end of a unix socket.',
    args: [
      SOCKFD,
      ['level', 'SOL_SOCKET, IPPROTO_TCP, ...'],
      ['optname', 'The option.'],
      ['optval', 'Where to store the value.'],
      ['optlen', 'In/out size.'],
    ],
    returns: '0 on success.',
    errors: [['ENOPROTOOPT', 'Unknown option at that level.'], NOT_SOCKET],
  },
  sethostname: {
    summary:
      'Sets the host name — of the current UTS namespace. `unshare -u` followed by `hostname foo` changes the name only inside the new namespace; the host keeps its own.',
    args: [
      ['name', 'The new host name (not NUL-terminated).'],
      ['len', 'Its length (max 64).'],
    ],
    returns: '0 on success.',
    errors: [
      [
        'EPERM',
        'Needs CAP_SYS_ADMIN in the user namespace owning the UTS namespace — i.e. root, or root inside your own user namespace.',
      ],
      ['EINVAL', 'len is longer than 64.'],
      ['EFAULT', 'name points to memory that is not mapped.'],
    ],
  },
  setdomainname: {
    summary: 'Sets the NIS domain name of the current UTS namespace.',
    args: [
      ['name', 'The new name.'],
      ['len', 'Its length.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EPERM', 'Needs CAP_SYS_ADMIN in the user namespace owning the UTS namespace.'],
      ['EINVAL', 'len is longer than 64.'],
    ],
  },
};
