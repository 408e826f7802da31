import pc from 'picocolors';

/**
 * Colours only when the stream is a terminal (and NO_COLOR is unset). picocolors' own default also turns
 * them on whenever CI is set, which would put escape codes into piped and captured output.
 */
const forStream = (stream: NodeJS.WriteStream) =>
  pc.createColors(Boolean(stream.isTTY) && !process.env.NO_COLOR);

export const stdoutColors = forStream(process.stdout);
export const stderrColors = forStream(process.stderr);
