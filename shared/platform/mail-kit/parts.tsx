import type { ComponentChildren } from 'preact';
import { Button, type Fact, LinkFallback } from './layout.js';

/*
 * The plain-text forms of the layout's blocks, so a template's text part says what its HTML
 * says and carries the same links.
 */

/** A part of a mail as HTML and as plain text. */
export interface MailPart {
  html: ComponentChildren;
  text: string;
}

/** "Label: value", continuation lines indented. */
export const labelledText = (label: string, value: string) => `${label}: ${value.replace(/\n/g, '\n  ')}`;

/** The text form of `Facts`. */
export const factsText = (facts: Fact[]) =>
  facts.map((fact) => labelledText(fact.label, fact.url ?? fact.value)).join('\n');

/** The text form of `LabelledList`. */
export const listText = (items: { label: string; text: string }[]) =>
  items.map((item) => `- ${item.label} ${item.text.replace(/\n/g, '\n  ')}`).join('\n');

/** The text form of `SubHeading`: underlined with `-`. */
export const subHeadingText = (text: string) => `${text}\n${'-'.repeat([...text].length)}`;

/** Paragraphs of text, empty ones left out. */
export const joinText = (...parts: string[]) => parts.filter(Boolean).join('\n\n');

/**
 * A button with its URL written out below it (`fallbackLead` before it); in text "Label: URL".
 */
export function buttonPart(url: string, label: string, fallbackLead: string, large = false): MailPart {
  return {
    html: (
      <>
        <Button url={url} label={label} large={large} />
        <LinkFallback lead={fallbackLead} url={url} />
      </>
    ),
    text: `${label}: ${url}`,
  };
}
