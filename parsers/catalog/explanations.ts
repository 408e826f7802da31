import { CONTAINMENT_EXPLANATIONS } from './explain-containment.js';
import { FILE_MORE_EXPLANATIONS } from './explain-file-more.js';
import { FILE_IO_EXPLANATIONS } from './explain-file-io.js';
import { FILE_PATH_EXPLANATIONS } from './explain-file-paths.js';
import { FILE_ATTR_EXPLANATIONS } from './explain-file-attrs.js';
import { FILE_DATA_EXPLANATIONS } from './explain-file-data.js';
import { FILE_WAIT_EXPLANATIONS } from './explain-file-wait.js';
import { IPC_EXPLANATIONS } from './explain-ipc.js';
import { IPC_QUEUE_EXPLANATIONS } from './explain-ipc-queues.js';
import { MEMORY_EXPLANATIONS } from './explain-memory.js';
import { NETWORK_EXPLANATIONS } from './explain-network.js';
import { PROCESS_EXPLANATIONS } from './explain-process.js';
import { PROCESS_IDENTITY_EXPLANATIONS } from './explain-process-identity.js';
import { PROCESS_MORE_EXPLANATIONS } from './explain-process-more.js';
import { SIGNAL_EXPLANATIONS } from './explain-signal.js';
import { SYSTEM_EXPLANATIONS } from './explain-system.js';
import { TIME_EXPLANATIONS } from './explain-time.js';
import type { SyscallExplanation } from './types.js';

/** Every hand-written syscall explanation, from the per-family data modules. */
export const SYSCALL_EXPLANATIONS: Readonly<Record<string, SyscallExplanation>> = {
  ...PROCESS_EXPLANATIONS,
  ...PROCESS_IDENTITY_EXPLANATIONS,
  ...PROCESS_MORE_EXPLANATIONS,
  ...MEMORY_EXPLANATIONS,
  ...FILE_IO_EXPLANATIONS,
  ...FILE_DATA_EXPLANATIONS,
  ...FILE_PATH_EXPLANATIONS,
  ...FILE_ATTR_EXPLANATIONS,
  ...FILE_WAIT_EXPLANATIONS,
  ...FILE_MORE_EXPLANATIONS,
  ...NETWORK_EXPLANATIONS,
  ...IPC_EXPLANATIONS,
  ...IPC_QUEUE_EXPLANATIONS,
  ...SIGNAL_EXPLANATIONS,
  ...CONTAINMENT_EXPLANATIONS,
  ...TIME_EXPLANATIONS,
  ...SYSTEM_EXPLANATIONS,
};
