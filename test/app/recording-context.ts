/**
 * A canvas context that logs every drawing call, as the Firefox Profiler's tests check canvas drawing,
 * and measures text as an 11 px sans-serif about does: the label layout needs widths, not exact ones.
 * `roundNumbers` logs numbers rounded, for logs compared across sizes.
 */
export function recordingCanvas(options: { roundNumbers?: boolean } = {}): {
  ctx: CanvasRenderingContext2D;
  log: string[];
} {
  const log: string[] = [];
  const ctx: Record<string, unknown> = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textBaseline: 'alphabetic',
    measureText: (text: string) => ({ width: Array.from(text).length * 6.2 }),
  };
  const show = (a: unknown): unknown => (options.roundNumbers && typeof a === 'number' ? Math.round(a) : a);
  for (const m of [
    'fillRect',
    'strokeRect',
    'clearRect',
    'fillText',
    'beginPath',
    'rect',
    'moveTo',
    'lineTo',
    'closePath',
    'arc',
    'fill',
    'stroke',
    'save',
    'restore',
    'clip',
    'setLineDash',
  ])
    ctx[m] = (...args: unknown[]) => log.push(`${m} ${args.map(show).join(' ')}`);
  return { ctx: ctx as unknown as CanvasRenderingContext2D, log };
}
