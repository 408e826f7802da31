import type { SyscallExplanation } from './types.js';

const MQDES = ['mqdes', 'The message queue descriptor from mq_open.'] as const;

/** System V semaphores and message queues, and POSIX message queues (all per IPC namespace). */
export const IPC_QUEUE_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  semctl: {
    summary:
      'Controls a System V semaphore set: read or set values (GETVAL, SETVAL, SETALL), query it (IPC_STAT) or remove it (IPC_RMID).',
    args: [
      ['semid', 'The set id.'],
      ['semnum', 'Which semaphore in the set, for per-semaphore commands.'],
      ['cmd', 'IPC_STAT, IPC_SET, IPC_RMID, GETVAL, SETVAL, GETALL, SETALL, ...'],
      ['arg', 'A value, array or struct semid_ds, depending on cmd.'],
    ],
    returns: '0, or the requested value for GET* commands.',
    errors: [
      ['EINVAL', 'Bad id, semnum or cmd.'],
      ['EPERM', 'IPC_SET/IPC_RMID by someone who is neither owner nor privileged.'],
      ['EACCES', 'No permission for the operation.'],
      ['EIDRM', 'The set was removed.'],
    ],
  },
  semtimedop: {
    summary: 'semop with a timeout: waits at most that long for the semaphore operations to become possible.',
    args: [
      ['semid', 'The set id.'],
      ['sops', 'Array of struct sembuf.'],
      ['nsops', 'How many operations.'],
      ['timeout', 'Relative timeout, or NULL to wait forever.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', 'The timeout expired, or IPC_NOWAIT and the operation would block.'],
      ['EINTR', 'Interrupted while waiting.'],
      ['EIDRM', 'The set was removed.'],
    ],
  },
  msgsnd: {
    summary:
      'Appends a message (a type number plus bytes) to a System V message queue, waiting if the queue is full.',
    args: [
      ['msqid', 'The queue id.'],
      ['msgp', 'The message: a long type followed by the text.'],
      ['msgsz', 'Size of the text.'],
      ['msgflg', 'IPC_NOWAIT or 0.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', 'The queue is full and IPC_NOWAIT was given.'],
      ['EIDRM', 'The queue was removed.'],
      ['EINVAL', 'Bad id, size, or a non-positive type.'],
      ['EACCES', 'No write permission.'],
    ],
  },
  msgrcv: {
    summary:
      'Takes a message from a System V message queue, optionally only one of a given type, waiting if none is there.',
    args: [
      ['msqid', 'The queue id.'],
      ['msgp', 'Where to store the message.'],
      ['msgsz', 'Capacity of the text part.'],
      ['msgtyp', '0 for the first message, >0 for that type, <0 for the lowest type up to |msgtyp|.'],
      ['msgflg', 'IPC_NOWAIT, MSG_NOERROR, MSG_EXCEPT, MSG_COPY.'],
    ],
    returns: 'The number of bytes copied into the text part.',
    errors: [
      ['ENOMSG', 'IPC_NOWAIT and no matching message.'],
      ['E2BIG', 'The message is longer than msgsz and MSG_NOERROR was not given.'],
      ['EINTR', 'Interrupted while waiting.'],
      ['EIDRM', 'The queue was removed.'],
    ],
  },
  msgctl: {
    summary:
      'Controls a System V message queue: query it, change its permissions or size limit, or remove it.',
    args: [
      ['msqid', 'The queue id.'],
      ['cmd', 'IPC_STAT, IPC_SET, IPC_RMID, IPC_INFO, MSG_INFO, MSG_STAT.'],
      ['buf', 'struct msqid_ds in or out.'],
    ],
    returns: '0, or an index/id for the INFO commands.',
    errors: [
      ['EPERM', 'Not the owner and not privileged.'],
      ['EINVAL', 'Bad id or cmd.'],
      ['EACCES', 'No read permission for IPC_STAT.'],
    ],
  },
  mq_open: {
    summary:
      'Opens or creates a POSIX message queue by name ("/name", shown under /dev/mqueue). Queues belong to the IPC namespace.',
    args: [
      ['name', 'The queue name (glibc strips the leading "/" before the syscall).'],
      ['oflag', 'O_RDONLY/O_WRONLY/O_RDWR plus O_CREAT, O_EXCL, O_NONBLOCK, O_CLOEXEC.'],
      ['mode', 'Permission bits for a new queue.'],
      ['attr', 'Size limits for a new queue (mq_maxmsg, mq_msgsize), or NULL.'],
    ],
    returns: 'A queue descriptor (an fd).',
    errors: [
      ['ENOENT', 'No such queue and O_CREAT not given.'],
      ['EEXIST', 'O_CREAT|O_EXCL and it exists.'],
      ['EACCES', 'No permission.'],
      ['EINVAL', 'Limits exceed /proc/sys/fs/mqueue settings.'],
      ['EMFILE', 'Too many open fds or queues.'],
    ],
  },
  mq_unlink: {
    summary: 'Removes a POSIX message queue name; the queue goes away when the last descriptor is closed.',
    args: [['name', 'The queue name.']],
    returns: '0 on success.',
    errors: [
      ['ENOENT', 'No such queue.'],
      ['EACCES', 'No permission.'],
    ],
  },
  mq_timedsend: {
    summary:
      'Sends a message with a priority to a POSIX queue, waiting up to a deadline if it is full (mq_send uses it with no deadline).',
    args: [
      MQDES,
      ['msg_ptr', 'The message bytes.'],
      ['msg_len', 'Their length.'],
      ['msg_prio', 'Priority; higher is delivered first.'],
      ['abs_timeout', 'Absolute deadline, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EAGAIN', 'Full and non-blocking.'],
      ['ETIMEDOUT', 'The deadline passed.'],
      ['EMSGSIZE', 'Message longer than the queue allows.'],
      ['EBADF', 'Not open for writing.'],
    ],
  },
  mq_timedreceive: {
    summary:
      'Receives the highest-priority message from a POSIX queue, waiting up to a deadline if it is empty.',
    args: [
      MQDES,
      ['msg_ptr', 'Where to store the message.'],
      ['msg_len', 'Capacity (at least mq_msgsize).'],
      ['msg_prio', 'Where to store its priority, or NULL.'],
      ['abs_timeout', 'Absolute deadline, or NULL.'],
    ],
    returns: 'The length of the message received.',
    errors: [
      ['EAGAIN', 'Empty and non-blocking.'],
      ['ETIMEDOUT', 'The deadline passed.'],
      ['EMSGSIZE', "msg_len smaller than the queue's message size."],
      ['EINTR', 'Interrupted.'],
    ],
  },
  mq_notify: {
    summary:
      'Asks to be notified (by a signal or a new thread) when a message arrives on an empty POSIX queue.',
    args: [MQDES, ['sevp', 'How to notify (struct sigevent), or NULL to cancel.']],
    returns: '0 on success.',
    errors: [
      ['EBUSY', 'Another process is already registered.'],
      ['EBADF', 'Bad descriptor.'],
    ],
  },
  mq_getsetattr: {
    summary:
      "Reads and/or changes a POSIX queue's attributes (only O_NONBLOCK can be changed); mq_getattr/mq_setattr use it.",
    args: [
      MQDES,
      ['newattr', 'New attributes, or NULL.'],
      ['oldattr', 'Where to store the current ones, or NULL.'],
    ],
    returns: '0 on success.',
    errors: [
      ['EBADF', 'Bad descriptor.'],
      ['EINVAL', 'Flags other than O_NONBLOCK.'],
    ],
  },
};
