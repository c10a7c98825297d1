import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../infra/local/runtime.js';
import { contactKey } from '../shared/directory/store/contacts.js';
import { documentClient } from '../shared/platform/aws/clients.js';

export interface StoredMail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
  headers?: { name: string; value: string }[];
  attachments?: unknown[];
}

/** Everything the SES emulator's mailbox holds. */
export async function mailbox(runtime: LocalRuntime): Promise<StoredMail[]> {
  const response = await fetch(`${runtime.endpoints.ses}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

export const recipientOf = (mail: StoredMail) =>
  /<([^>]+)>/.exec(mail.destination.to[0] ?? '')?.[1] ?? mail.destination.to[0] ?? '';

/** Test contacts written straight into the table (the contacts API comes with the invitations issue). */
export async function addContacts(
  runtime: LocalRuntime,
  tenantId: string,
  contacts: {
    contactId: string;
    email: string;
    name?: string;
    tags?: string[];
    language?: 'sv' | 'da' | 'en';
  }[],
): Promise<void> {
  for (const c of contacts) {
    await documentClient.send(
      new PutCommand({
        TableName: runtime.tableName,
        Item: {
          ...contactKey(tenantId, c.contactId),
          type: 'contact',
          tenantId,
          contactId: c.contactId,
          name: c.name ?? `Kontakt ${c.contactId}`,
          email: c.email,
          language: c.language ?? 'sv',
          tags: c.tags ?? [],
          createdAt: new Date().toISOString(),
        },
      }),
    );
  }
}

export const announcement = (subject: string) => ({
  kind: 'announcement' as const,
  data: {
    subject,
    markdownBody:
      'Välkommen till **dialoglunch** om kompetensförsörjning.\n\n- Tid: 11.30\n- Plats: Rådhuset',
  },
});
