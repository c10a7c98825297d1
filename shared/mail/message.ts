import type { ComponentChildren } from 'preact';
import * as z from 'zod';
import type { InlineImage } from '../platform/mail-kit/inline-images.js';
import type { Language } from '../platform/texts/language.js';
import type { MailTexts } from './texts.js';

/*
 * The mail engine's view of a message kind. Each capability declares the kinds it sends (a
 * definition: the kind, the schema of its `data`, bulk or transactional) in a light module, and
 * their templates apart from it, so code that only queues mail does not bundle the renderer.
 * The parts that handle every kind (the sender, the campaign API) combine the capabilities'
 * sets in `shared/message-kinds.ts`.
 */

/** A message kind: its name, the zod schema of its `data`, and whether it is bulk mail. */
export interface MessageDefinition<K extends string = string, S extends z.ZodType = z.ZodType> {
  readonly kind: K;
  readonly schema: S;
  /**
   * Bulk mail (campaigns): needs an unsubscribe link, shown in the footer and in
   * List-Unsubscribe, and unsubscribing stops it. Transactional mail (an answer to something
   * the recipient did) has none.
   */
  readonly bulk: boolean;
  /**
   * Staff may compose mail of this kind as a campaign (`POST /api/campaigns`): they write its
   * data and choose who gets it. Only bulk kinds can be (unsubscribing must stop them). Absent
   * (false) for every kind its capability composes itself: answers and confirmations, which must
   * not reach people who unsubscribed with any subject staff like, and invitations and their
   * reminders, which the meetings capability sends with the invitation records they need.
   */
  readonly staffComposable?: boolean;
}

export function defineMessage<const K extends string, S extends z.ZodType>(
  definition: MessageDefinition<K, S> & ({ bulk: true } | { staffComposable?: false }),
): MessageDefinition<K, S> {
  const { kind, bulk, staffComposable: composable }: MessageDefinition = definition;
  if (composable && !bulk) throw new Error(`Message kind ${kind}: only bulk mail can be composed by staff`);
  return definition;
}

/** Message definitions (or templates) keyed by their kind. */
export type MessageDefinitions = { readonly [kind: string]: MessageDefinition };

/** The definitions keyed by kind; the keys are the kinds by construction. */
export type MessageSet<D extends readonly MessageDefinition[]> = {
  readonly [M in D[number] as M['kind']]: M;
};

/** A capability's kinds, keyed by kind. */
export function messageSet<const D extends readonly MessageDefinition[]>(...definitions: D): MessageSet<D> {
  const set: Record<string, MessageDefinition> = {};
  for (const definition of definitions) {
    if (Object.hasOwn(set, definition.kind)) throw new Error(`Message kind ${definition.kind} defined twice`);
    set[definition.kind] = definition;
  }
  return set as MessageSet<D>;
}

export type KindOf<T extends MessageDefinitions> = keyof T & string;

/** The `data` of kind `K` as it comes in (before validation). */
export type DataInputOf<T extends MessageDefinitions, K extends KindOf<T>> = z.input<T[K]['schema']>;
/** The `data` of kind `K` after validation. */
export type DataOf<T extends MessageDefinitions, K extends KindOf<T>> = z.output<T[K]['schema']>;

/** `{ kind, data }` for every kind of `T`, validated. */
export type MessageContentOf<T extends MessageDefinitions> = {
  [K in KindOf<T>]: { kind: K; data: DataOf<T, K> };
}[KindOf<T>];
/** `{ kind, data }` for every kind of `T`, as it comes in. */
export type MessageContentInputOf<T extends MessageDefinitions> = {
  [K in KindOf<T>]: { kind: K; data: DataInputOf<T, K> };
}[KindOf<T>];

/**
 * `{ kind, data }` for every kind of `definitions`, discriminated by `kind`: what a campaign
 * stores as its content and what the API validates staff input against.
 */
export function contentSchemaOf<T extends MessageDefinitions>(
  definitions: T,
): z.ZodType<MessageContentOf<T>, MessageContentInputOf<T>> {
  const [first, ...rest] = Object.values(definitions).map((definition) =>
    z.object({ kind: z.literal(definition.kind), data: definition.schema }),
  );
  if (!first) throw new Error('No message kinds');
  return z.discriminatedUnion('kind', [first, ...rest]) as unknown as z.ZodType<
    MessageContentOf<T>,
    MessageContentInputOf<T>
  >;
}

/**
 * Only the definitions staff may compose as campaigns (`staffComposable`), keyed by kind. The
 * type stays `T`'s: the kinds it leaves out are refused when validated, not at compile time.
 */
export function staffComposable<T extends MessageDefinitions>(definitions: T): T {
  return Object.fromEntries(
    Object.entries(definitions).filter(([, definition]) => definition.staffComposable === true),
  ) as T;
}

/* Templates: what the renderer (`render.ts`) needs besides a definition. */

/** What a template gets besides its data. */
export interface TemplateContext {
  language: Language;
  /** The texts every mail has (greeting, footer, button fallback), in `language`. */
  texts: MailTexts;
  tenantName: string;
}

/** One kind's mail, before the layout: the parts that differ between kinds. */
export interface TemplateOutput {
  subject: string;
  preheader: string;
  banner?: string;
  /** The heading at the top of the card, before the greeting. */
  heading: string;
  /** The content of the card, after the greeting (HTML). */
  body: ComponentChildren;
  /** The same content as plain text, after the greeting. */
  bodyText: string;
  /** Why the recipient gets the mail (the footer). */
  reason: string;
  /** Images the body shows by `cid:` (the check-in QR code), carried in the mail itself. */
  inlineImages?: InlineImage[];
}

/** A kind's definition with its template. */
export interface MessageTemplate<D extends MessageDefinition = MessageDefinition>
  extends MessageDefinition<D['kind'], D['schema']> {
  render(data: z.output<D['schema']>, context: TemplateContext): TemplateOutput;
}

/** A template for every kind of `D`. */
export type TemplatesFor<D extends MessageDefinitions> = { readonly [K in keyof D]: MessageTemplate<D[K]> };

/** Templates keyed by kind: what `renderMessage` takes. */
export type TemplateSet = { readonly [kind: string]: MessageTemplate };

/**
 * Gives every kind of `definitions` its template: a kind without one is a compile error.
 */
export function templateSet<D extends MessageDefinitions>(
  definitions: D,
  render: { [K in keyof D]: MessageTemplate<D[K]>['render'] },
): TemplatesFor<D> {
  const set: Record<string, MessageTemplate> = {};
  for (const [kind, definition] of Object.entries(definitions)) {
    const renderKind = render[kind];
    if (typeof renderKind !== 'function') throw new Error(`Message kind ${kind} has no template`);
    set[kind] = { ...definition, render: renderKind };
  }
  return set as TemplatesFor<D>;
}
