import type { feedbackMessages } from './feedback/mails/content.js';
import { feedbackTemplates } from './feedback/mails/templates.js';
import type { mailMessages } from './mail/content.js';
import type { DataInputOf } from './mail/message.js';
import { contentSchemaOf, staffComposable } from './mail/message.js';
import { type MessageInputOf, type RenderedMessage, renderMessage as renderWith } from './mail/render.js';
import { mailTemplates } from './mail/templates.js';
import type { meetingMessages } from './meetings/mails/content.js';
import { meetingTemplates } from './meetings/mails/templates.js';
import type { pressMessages } from './press/mails/content.js';
import { pressTemplates } from './press/mails/templates.js';
import type { privacyMessages } from './privacy/mails/content.js';
import { privacyTemplates } from './privacy/mails/templates.js';

/**
 * Every message kind the system sends, with its template: each capability's kinds (declared
 * and templated by the capability that owns them, `shared/<capability>/…`) in one set, for the
 * parts that handle mail of any kind: the sender and the campaign API. Imported by handlers
 * only; a capability renders its own kinds with the mail engine (`shared/mail/render.ts`).
 *
 * A kind without a template, or without its texts in every language, is a compile error in the
 * capability that declares it; a kind declared by two capabilities is one here.
 */
export const messageTemplates = {
  ...mailTemplates,
  ...meetingTemplates,
  ...feedbackTemplates,
  ...pressTemplates,
  ...privacyTemplates,
};

/** Compile-time check: no kind is declared by two capabilities. */
const noKindTwice: Extract<keyof typeof mailMessages, keyof typeof meetingMessages> extends never
  ? true
  : never = true;
void noKindTwice;
const noFeedbackKindTwice: Extract<
  keyof typeof feedbackMessages,
  keyof typeof mailMessages | keyof typeof meetingMessages
> extends never
  ? true
  : never = true;
void noFeedbackKindTwice;
const noPressKindTwice: Extract<
  keyof typeof pressMessages,
  keyof typeof mailMessages | keyof typeof meetingMessages | keyof typeof feedbackMessages
> extends never
  ? true
  : never = true;
void noPressKindTwice;
const noPrivacyKindTwice: Extract<
  keyof typeof privacyMessages,
  | keyof typeof mailMessages
  | keyof typeof meetingMessages
  | keyof typeof feedbackMessages
  | keyof typeof pressMessages
> extends never
  ? true
  : never = true;
void noPrivacyKindTwice;

type MessageTemplates = typeof messageTemplates;
export type MessageKind = keyof MessageTemplates;

export const messageKinds = Object.keys(messageTemplates) as MessageKind[];

/** The zod schema of each kind's `data`. */
export const messageDataSchemas = Object.fromEntries(
  messageKinds.map((kind) => [kind, messageTemplates[kind].schema]),
) as { [K in MessageKind]: MessageTemplates[K]['schema'] };

/** The `data` of kind `K` as it comes in (staff input, before trimming). */
export type MessageDataInput<K extends MessageKind> = DataInputOf<MessageTemplates, K>;

/**
 * `{ kind, data }` for every kind: what a campaign stores as its content and what the API
 * validates staff input against.
 */
export const messageContentSchema = contentSchemaOf(messageTemplates);

/** The kinds staff may compose as campaigns: those whose definition says `staffComposable`. */
export const staffComposableKinds = messageKinds.filter(
  (kind) => messageTemplates[kind].staffComposable === true,
);

/**
 * `{ kind, data }` for the kinds staff compose (`staffComposableKinds`): what `POST /api/campaigns`
 * accepts. Any other kind (answers, confirmations, invitations: mail the capabilities compose
 * themselves, some of it reaching people who unsubscribed) is refused on `kind`.
 */
export const staffContentSchema = contentSchemaOf(staffComposable(messageTemplates));

/** Whether mail of this kind is bulk (false for a kind that does not exist). */
export const isBulkKind = (kind: MessageKind): boolean =>
  Object.hasOwn(messageTemplates, kind) && messageTemplates[kind].bulk;

/** What {@link renderMessage} takes: one member per kind, `data` as its schema accepts it. */
export type MessageInput = MessageInputOf<MessageTemplates>;
export type { RenderedMessage };

/** One mail of any kind, ready for SES (see the engine's `renderMessage`). */
export const renderMessage = (input: MessageInput): RenderedMessage => renderWith(messageTemplates, input);
