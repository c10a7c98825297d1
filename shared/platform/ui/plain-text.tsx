import { Fragment } from 'preact';

export interface PlainTextProps {
  text: string;
  class?: string;
}

/**
 * Text someone typed, shown as text: blank lines start a new paragraph, single line breaks
 * stay line breaks. Never parsed as HTML (Preact escapes every string it renders).
 */
export function PlainText({ text, class: className }: PlainTextProps) {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i} class={className}>
          {paragraph.split('\n').map((line, j) => (
            <Fragment key={j}>
              {j > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
