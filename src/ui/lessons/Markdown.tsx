/**
 * The small Markdown of lesson texts, rendered as React elements (never `innerHTML`): paragraphs
 * separated by blank lines, `-` bullet lists, **bold**, *emphasis* and `code`. Anything else is text.
 */
import type { ReactNode } from 'react';

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g;

/** Inline Markdown: `code`, **bold** and *emphasis* (not nested). */
export function InlineMarkdown({ text }: { readonly text: string }) {
  const parts = text.split(INLINE);
  return (
    <>
      {parts.map((part, i): ReactNode => {
        if (i % 2 === 0) return part;
        if (part.startsWith('`')) return <code key={i} className="ag-inline-code">{part.slice(1, -1)}</code>;
        if (part.startsWith('**')) return <strong key={i}>{part.slice(2, -2)}</strong>;
        return <em key={i}>{part.slice(1, -1)}</em>;
      })}
    </>
  );
}

/** Block Markdown: paragraphs and bullet lists. */
export function Markdown({ text, className }: { readonly text: string; readonly className?: string }) {
  const blocks = text.split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== '');
  return (
    <div className={className}>
      {blocks.map((block, i) => {
        const lines = block.split('\n');
        if (lines.every((line) => /^\s*[-*] /.test(line))) {
          return (
            <ul key={i}>
              {lines.map((line, j) => (
                <li key={j}>
                  <InlineMarkdown text={line.replace(/^\s*[-*] /, '')} />
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={i}>
            <InlineMarkdown text={lines.join(' ')} />
          </p>
        );
      })}
    </div>
  );
}
