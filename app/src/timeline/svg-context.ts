import type { DrawContext } from './draw-timeline.js';

/**
 * A DrawContext that records drawing as SVG, so the SVG export reuses the canvas drawing code exactly.
 * Only the subset drawTimeline uses is implemented. Text is escaped: trace text never becomes markup.
 */
export class SvgContext implements DrawContext {
  fillStyle: string | CanvasGradient | CanvasPattern = '#000';
  strokeStyle: string | CanvasGradient | CanvasPattern = '#000';
  lineWidth = 1;
  font = '12px monospace';
  textBaseline: CanvasTextBaseline = 'alphabetic';
  private readonly parts: string[] = [];
  private path: string[] = [];
  private dash: number[] = [];
  private dx = 0;
  private dy = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
    /** How wide a text is in a font; an estimate when not given (measureText). */
    private readonly measure?: (font: string, text: string) => number,
  ) {}

  /** Moves the origin, as a canvas context's translate does (exports stack several drawings). */
  translate(x: number, y: number): void {
    this.dx += x;
    this.dy += y;
  }
  setLineDash(segments: number[]): void {
    this.dash = [...segments];
  }
  clearRect(): void {}
  fillRect(x: number, y: number, w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    this.parts.push(
      `<rect x="${r(x + this.dx)}" y="${r(y + this.dy)}" width="${r(w)}" height="${r(h)}" fill="${this.color(this.fillStyle)}"/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    if (w < 0 || h < 0) return;
    this.parts.push(
      `<rect x="${r(x + this.dx)}" y="${r(y + this.dy)}" width="${r(w)}" height="${r(h)}" fill="none" stroke="${this.color(this.strokeStyle)}" stroke-width="${this.lineWidth}"${this.dashAttr()}/>`,
    );
  }
  fillText(text: string, x: number, y: number): void {
    const baseline = this.textBaseline === 'middle' ? ' dominant-baseline="middle"' : '';
    this.parts.push(
      `<text x="${r(x + this.dx)}" y="${r(y + this.dy)}"${baseline} fill="${this.color(this.fillStyle)}" style="font:${escapeXml(this.font)}">${escapeXml(text)}</text>`,
    );
  }
  beginPath(): void {
    this.path = [];
  }
  rect(x: number, y: number, w: number, h: number): void {
    if (w <= 0 || h <= 0) return;
    this.path.push(`M${r(x + this.dx)} ${r(y + this.dy)}h${r(w)}v${r(h)}h${r(-w)}z`);
  }
  moveTo(x: number, y: number): void {
    this.path.push(`M${r(x + this.dx)} ${r(y + this.dy)}`);
  }
  lineTo(x: number, y: number): void {
    this.path.push(`L${r(x + this.dx)} ${r(y + this.dy)}`);
  }
  closePath(): void {
    this.path.push('z');
  }
  arc(x: number, y: number, radius: number): void {
    this.path.push(
      `M${r(x + this.dx - radius)} ${r(y + this.dy)}a${r(radius)} ${r(radius)} 0 1 0 ${r(2 * radius)} 0a${r(radius)} ${r(radius)} 0 1 0 ${r(-2 * radius)} 0`,
    );
  }
  fill(): void {
    if (this.path.length)
      this.parts.push(`<path d="${this.path.join('')}" fill="${this.color(this.fillStyle)}"/>`);
  }
  stroke(): void {
    if (this.path.length)
      this.parts.push(
        `<path d="${this.path.join('')}" fill="none" stroke="${this.color(this.strokeStyle)}" stroke-width="${this.lineWidth}"${this.dashAttr()}/>`,
      );
  }
  /**
   * An SVG is laid out later, by whatever shows it, so a text's width is the page's (`measure`: a canvas
   * measuring in the same font, as the screen does, so that the picture's labels are the screen's) or,
   * without a page, estimated: about 0.56 em per character in a sans-serif font (the size comes from
   * `font`, "11px system-ui").
   */
  measureText(text: string): TextMetrics {
    if (this.measure) return { width: this.measure(this.font, text) } as TextMetrics;
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 12);
    return { width: Array.from(text).length * size * 0.56 } as TextMetrics;
  }
  save(): void {}
  restore(): void {}
  clip(): void {}

  /** The finished document, with an optional title (escaped). */
  toSvg(title: string, extra = ''): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}"><title>${escapeXml(title)}</title>${this.parts.join('')}${extra}</svg>\n`;
  }

  private dashAttr(): string {
    return this.dash.length ? ` stroke-dasharray="${this.dash.join(' ')}"` : '';
  }

  private color(c: string | CanvasGradient | CanvasPattern): string {
    return typeof c === 'string' ? escapeXml(c) : '#000';
  }
}

function r(v: number): string {
  return String(Math.round(v * 100) / 100);
}

function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] as string,
  );
}

/**
 * Text widths as this page's canvas measures them, for an SVG picture laid out like the screen; null
 * outside a page (tests in Node estimate instead).
 */
export function measureOnPage(): ((font: string, text: string) => number) | null {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  return (font, text) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
