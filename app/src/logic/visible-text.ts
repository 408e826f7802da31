/**
 * Trace text as it may safely be read: characters that are invisible or that reorder what follows them
 * are written as escapes. A path like `"\u202egpj.exe"` (RIGHT-TO-LEFT OVERRIDE) otherwise shows as
 * `exe.jpg`; a zero-width space makes two different names look equal; a C1 control can break the layout.
 * strace itself prints such bytes as octal escapes, so the table's raw text is already safe: this is for
 * the values the parser decodes (string arguments, paths) and for pasted text.
 */
const INVISIBLE =
  // C0 controls except tab, DEL, C1 controls, soft hyphen, Arabic letter mark, zero-width and bidi
  // marks, line and paragraph separators, bidi embeddings, overrides and isolates, word joiners and
  // invisible operators, the BOM, interlinear annotation marks.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

export function formatVisibleText(text: string): string {
  return text.replace(INVISIBLE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Whether the text holds any character formatVisibleText would escape. */
export function hasInvisibleText(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}
