import type { TextTable } from '../../platform/texts/table.js';

export interface FollowUpMailTexts {
  thanks: { subject: (event: string) => string; intro: (event: string) => string };
  missed: { subject: (event: string) => string; intro: (event: string) => string };
  ask: (form: string) => string;
  button: string;
  hearBack: {
    subject: (theme: string) => string;
    intro: (programme: string, theme: string) => string;
    outcome: string;
    release: string;
    status: string;
    statuses: Record<'planned' | 'in-progress' | 'done' | 'not-pursued', string>;
    button: { outcome: string; release: string };
    why: string;
  };
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
  hearBack: {
    subject: (t) => `Det här blev det av dina synpunkter: ${t}`,
    intro: (p, t) => `Du gav oss dina synpunkter om ”${t}” i ${p} och bad att få höra vad det blir av dem.`,
    outcome: 'Det här har vi beslutat eller gjort:',
    release: 'Vi har gett ut ett pressmeddelande om det:',
    status: 'Status',
    statuses: {
      planned: 'Planerat',
      'in-progress': 'Pågår',
      done: 'Genomfört',
      'not-pursued': 'Drivs inte vidare',
    },
    button: { outcome: 'Läs mer om programmet', release: 'Läs pressmeddelandet' },
    why: 'Du får det här mejlet för att du kryssade i ”Berätta för mig vad det blir av det här” när du svarade.',
  },
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
  hearBack: {
    subject: (t) => `Det kom der ud af dine synspunkter: ${t}`,
    intro: (p, t) =>
      `Du gav os dine synspunkter om »${t}« i ${p} og bad om at høre, hvad der kommer ud af dem.`,
    outcome: 'Det har vi besluttet eller gjort:',
    release: 'Vi har udsendt en pressemeddelelse om det:',
    status: 'Status',
    statuses: {
      planned: 'Planlagt',
      'in-progress': 'I gang',
      done: 'Gennemført',
      'not-pursued': 'Forfølges ikke',
    },
    button: { outcome: 'Læs mere om programmet', release: 'Læs pressemeddelelsen' },
    why: 'Du får denne mail, fordi du satte kryds ved »Fortæl mig, hvad der kommer ud af det«, da du svarede.',
  },
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
  hearBack: {
    subject: (t) => `What came of your views: ${t}`,
    intro: (p, t) => `You gave us your views on “${t}” in ${p} and asked to hear what comes of them.`,
    outcome: 'This is what we decided or did:',
    release: 'We published a press release about it:',
    status: 'Status',
    statuses: {
      planned: 'Planned',
      'in-progress': 'In progress',
      done: 'Done',
      'not-pursued': 'Not pursued',
    },
    button: { outcome: 'Read more about the programme', release: 'Read the press release' },
    why: 'You get this mail because you ticked “Tell me what comes of this” when you answered.',
  },
};

export const followUpMailTexts: TextTable<FollowUpMailTexts> = { sv, da, en };
