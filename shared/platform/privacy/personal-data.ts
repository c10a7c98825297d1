/**
 * What a capability answers when asked what it holds about a person (GDPR Art. 15 and 20): one
 * entry per stored item, with why it is held and where it came from. Capabilities fill it from
 * their own items (each through its `index.ts`); the privacy capability gathers and words it.
 */

/** The kinds of personal data Samverkan holds; each has a purpose the export explains. */
export const personalDataCategories = [
  'contact',
  'import',
  'import-rows-left-out',
  'import-planned-contact',
  'invitation',
  'feedback-answer',
  'press-subscription',
  'press-consent',
  'press-contact',
  'mail-delivery',
  'suppression',
  'unsubscribe',
  'segment',
  'engagement-marker',
] as const;
export type PersonalDataCategory = (typeof personalDataCategories)[number];

/** GDPR Art. 6(1): (a) consent, (c) a legal obligation, (e) a public task, (f) legitimate interest. */
export const lawfulBasesForData = [
  'consent',
  'legal-obligation',
  'public-task',
  'legitimate-interest',
] as const;
export type LawfulBasisOfData = (typeof lawfulBasesForData)[number];

export interface PersonalDataItem {
  capability: 'directory' | 'meetings' | 'feedback' | 'press' | 'mail' | 'insight';
  category: PersonalDataCategory;
  /** The item's key in the table (`<pk>|<sk>`): what the erasure acts on, what a test checks. */
  ref: string;
  lawfulBasis: LawfulBasisOfData;
  /** Where it came from: `console`, `csv-import:<id>`, `subscription form`, `ses`, … */
  source: string;
  recordedAt?: string;
  /** The item's content as the person may read it (no keys, no other person's data). */
  data: Record<string, unknown>;
}

/** An item's key as one string. */
export const itemRef = (key: { pk: string; sk: string }) => `${key.pk}|${key.sk}`;

/** Why an item of an erased person was kept (Art. 17(3)). */
export const keepReasons = ['official-document', 'press-contact'] as const;
export type KeepReason = (typeof keepReasons)[number];

/** An item an erasure kept, and why: listed in the answer to the person. */
export interface KeptItem {
  capability: PersonalDataItem['capability'];
  category: PersonalDataCategory;
  ref: string;
  reason: KeepReason;
  /** The link to the person was replaced by a pseudonym. */
  pseudonymised: boolean;
}

/** What one capability's erasure did: items removed or anonymised, and items kept. */
export interface ErasureOutcome {
  erased: number;
  kept: KeptItem[];
}

/** Who is being erased, as each capability needs it (the contact id survives the contact). */
export interface ErasureSubject {
  tenantId: string;
  email: string;
  contactId?: string;
  /** The keyed hash that stands for the person where a kept item needs a pseudonym. */
  personRef: string;
}
