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

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  fillRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" fill="${this.color(this.fillStyle)}"/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number): void {
    this.parts.push(
      `<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" fill="none" stroke="${this.color(this.strokeStyle)}" stroke-width="${this.lineWidth}"/>`,
    );
  }
  fillText(text: string, x: number, y: number): void {
    const baseline = this.textBaseline === 'middle' ? ' dominant-baseline="middle"' : '';
    this.parts.push(
      `<text x="${r(x)}" y="${r(y)}"${baseline} fill="${this.color(this.fillStyle)}" style="font:${escapeXml(this.font)}">${escapeXml(text)}</text>`,
    );
  }
  beginPath(): void {
    this.path = [];
  }
  rect(x: number, y: number, w: number, h: number): void {
    this.path.push(`M${r(x)} ${r(y)}h${r(w)}v${r(h)}h${r(-w)}z`);
  }
  moveTo(x: number, y: number): void {
    this.path.push(`M${r(x)} ${r(y)}`);
  }
  lineTo(x: number, y: number): void {
    this.path.push(`L${r(x)} ${r(y)}`);
  }
  closePath(): void {
    this.path.push('z');
  }
  arc(x: number, y: number, radius: number): void {
    this.path.push(
      `M${r(x - radius)} ${r(y)}a${r(radius)} ${r(radius)} 0 1 0 ${r(2 * radius)} 0a${r(radius)} ${r(radius)} 0 1 0 ${r(-2 * radius)} 0`,
    );
  }
  fill(): void {
    if (this.path.length)
      this.parts.push(`<path d="${this.path.join('')}" fill="${this.color(this.fillStyle)}"/>`);
  }
  save(): void {}
  restore(): void {}
  clip(): void {}

  /** The finished document, with an optional title (escaped). */
  toSvg(title: string, extra = ''): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}"><title>${escapeXml(title)}</title>${this.parts.join('')}${extra}</svg>\n`;
  }

  private color(c: string | CanvasGradient | CanvasPattern): string {
    return typeof c === 'string' ? escapeXml(c) : '#000';
  }
}

function r(v: number): string {
  return String(Math.round(v * 100) / 100);
}

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] as string,
  );
}
