/**
 * Renders the engine's plain messages, where user values sit in backticks, with those values as code.
 */
export function RichText({ text }: { readonly text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="ag-inline-code">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
