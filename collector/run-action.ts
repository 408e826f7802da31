import { InputError } from './trace-input.js';
import { writeErrorLine } from './write-out.js';

/**
 * Runs a command body: a user-facing problem (InputError, or any error marked `userFacing`) prints one
 * line and exits 1; anything else is a bug and keeps its stack.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (e instanceof InputError || (e instanceof Error && (e as { userFacing?: boolean }).userFacing)) {
      writeErrorLine(`spelunk: ${e.message}`);
      process.exitCode = 1;
      return;
    }
    throw e;
  }
}
