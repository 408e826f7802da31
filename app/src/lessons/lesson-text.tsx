/** A step's text: paragraphs at blank lines, `code` in backticks. */
export function LessonText({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="space-y-1.5 text-sm leading-relaxed" data-testid={testId}>
      {text.split(/\n\s*\n/).map((para, k) => (
        <p key={k}>
          {para.split(/(`[^`]+`)/).map((part, j) =>
            part.startsWith('`') && part.endsWith('`') ? (
              <code key={j} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">
                {part.slice(1, -1)}
              </code>
            ) : (
              part
            ),
          )}
        </p>
      ))}
    </div>
  );
}
