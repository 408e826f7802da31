/**
 * The one place devicePixelRatio is handled: the canvas backing store is sized in device pixels and the
 * context scaled so every drawing function works in CSS pixels.
 */
export function fitCanvas(
  canvas: HTMLCanvasElement,
  widthCssPx: number,
  heightCssPx: number,
  /** A layer over another canvas (the labels): transparent, cleared by its drawer. */
  alpha = false,
): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const widthDevicePx = Math.max(1, Math.round(widthCssPx * dpr));
  const heightDevicePx = Math.max(1, Math.round(heightCssPx * dpr));
  if (canvas.width !== widthDevicePx || canvas.height !== heightDevicePx) {
    canvas.width = widthDevicePx;
    canvas.height = heightDevicePx;
    canvas.style.width = `${widthCssPx}px`;
    canvas.style.height = `${heightCssPx}px`;
  }
  const ctx = canvas.getContext('2d', { alpha });
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
