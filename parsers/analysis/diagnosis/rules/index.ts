import type { DiagnosisRule } from '../types.js';
import { capabilityDropped } from './capability-dropped.js';
import { differentArguments } from './different-arguments.js';
import { differentDirectoryEntries } from './different-directory-entries.js';
import { differentFilesRead } from './different-files-read.js';
import { differentOutput } from './different-output.js';
import { filePermission } from './file-permission.js';
import { filteredTrace } from './filtered-trace.js';
import { hostname } from './hostname.js';
import { missingDevNode } from './missing-dev-node.js';
import { missingElfInterpreter } from './missing-elf-interpreter.js';
import { missingEnvVar } from './missing-env-var.js';
import { missingFile } from './missing-file.js';
import { missingInterpreterStdlib } from './missing-interpreter-stdlib.js';
import { missingLocale } from './missing-locale.js';
import { missingProc } from './missing-proc.js';
import { missingScriptInterpreter } from './missing-script-interpreter.js';
import { missingSharedLibrary } from './missing-shared-library.js';
import { missingUserDb } from './missing-user-db.js';
import { networkNamespace } from './network-namespace.js';
import { oomKilled } from './oom-killed.js';
import { pidNamespace } from './pid-namespace.js';
import { readOnlyMount } from './read-only-mount.js';
import { sameBehaviour } from './same-behaviour.js';
import { seccompDenied } from './seccomp-denied.js';
import { timeout } from './timeout.js';

/** Every cause rule; the order only breaks exact ties in the ranking. */
export const DIAGNOSIS_RULE_LIST: readonly DiagnosisRule[] = [
  missingElfInterpreter,
  missingScriptInterpreter,
  missingSharedLibrary,
  missingFile,
  missingProc,
  missingDevNode,
  missingUserDb,
  missingLocale,
  missingInterpreterStdlib,
  readOnlyMount,
  capabilityDropped,
  seccompDenied,
  filePermission,
  networkNamespace,
  pidNamespace,
  hostname,
  missingEnvVar,
  oomKilled,
  timeout,
  filteredTrace,
  differentOutput,
  differentArguments,
  differentDirectoryEntries,
  differentFilesRead,
  sameBehaviour,
];
