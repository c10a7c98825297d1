import type { TextTable } from '../../platform/texts/table.js';

export interface FollowUpMailTexts {
  thanks: { subject: (event: string) => string; intro: (event: string) => string };
  missed: { subject: (event: string) => string; intro: (event: string) => string };
  ask: (form: string) => string;
  button: string;
}

const sv: FollowUpMailTexts = {
  thanks: {
    subject: (e) => `Tack för att du kom: ${e}`,
    intro: (e) =>
      `Tack för att du deltog i ${e}! Dina synpunkter är viktiga inspel till näringslivsprogrammet.`,
  },
  missed: {
    subject: (e) => `Vi saknade dig: ${e}`,
    intro: (e) => `Vi saknade dig på ${e}. Dina synpunkter räknas ändå – det tar bara några minuter.`,
  },
  ask: (f) => `Svara gärna på formuläret ”${f}”. Du kan ändra ditt svar tills formuläret stänger.`,
  button: 'Lämna dina synpunkter',
};

const da: FollowUpMailTexts = {
  thanks: {
    subject: (e) => `Tak fordi du kom: ${e}`,
    intro: (e) => `Tak fordi du deltog i ${e}! Dine synspunkter er vigtige input til erhvervspolitikken.`,
  },
  missed: {
    subject: (e) => `Vi savnede dig: ${e}`,
    intro: (e) => `Vi savnede dig til ${e}. Dine synspunkter tæller stadig – det tager kun få minutter.`,
  },
  ask: (f) => `Svar gerne på skemaet »${f}«. Du kan ændre dit svar, indtil skemaet lukker.`,
  button: 'Giv dine synspunkter',
};

const en: FollowUpMailTexts = {
  thanks: {
    subject: (e) => `Thank you for coming: ${e}`,
    intro: (e) =>
      `Thank you for taking part in ${e}! Your views are important input to the business programme.`,
  },
  missed: {
    subject: (e) => `We missed you: ${e}`,
    intro: (e) => `We missed you at ${e}. Your views still count – it only takes a few minutes.`,
  },
  ask: (f) => `Please answer the form “${f}”. You can change your answer until the form closes.`,
  button: 'Give your views',
};

export const followUpMailTexts: TextTable<FollowUpMailTexts> = { sv, da, en };
