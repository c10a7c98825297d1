import { type TextTable, textsOf } from '../platform/texts/table.js';

/** The retention notice mail and the keep page, one typed table per language. */
export interface KeepTexts {
  mail: {
    subject: (tenant: string) => string;
    heading: string;
    intro: (tenant: string, months: number) => string;
    removal: (date: string, tenant: string) => string;
    button: string;
    nothing: string;
    reason: (tenant: string) => string;
  };
  page: {
    title: string;
    question: (tenant: string) => string;
    keep: string;
    done: (tenant: string) => string;
    invalid: string;
    invalidDetail: string;
  };
}

const sv: KeepTexts = {
  mail: {
    subject: (t) => `Vill du finnas kvar i ${t}s adressbok?`,
    heading: 'Vill du finnas kvar hos oss?',
    intro: (t, m) =>
      `Du finns med som kontakt i ${t}s adressbok för näringslivsarbetet, men vi har inte hört av dig på ${m} månader.`,
    removal: (d, t) =>
      `Vi tar bort dina uppgifter efter den ${d}, om du inte vill finnas kvar i ${t}s adressbok.`,
    button: 'Ja, behåll mina uppgifter',
    nothing: 'Vill du hellre bli borttagen behöver du inte göra något.',
    reason: (t) => `Du får det här mejlet eftersom du är registrerad som kontakt hos ${t}.`,
  },
  page: {
    title: 'Behålla dina uppgifter',
    question: (t) => `Vill du finnas kvar i ${t}s adressbok?`,
    keep: 'Ja, behåll mina uppgifter',
    done: (t) => `Tack! Du finns kvar i ${t}s adressbok.`,
    invalid: 'Länken fungerar inte längre',
    invalidDetail: 'Länken kan ha gått ut eller vara felskriven.',
  },
};

const da: KeepTexts = {
  mail: {
    subject: (t) => `Vil du blive i ${t}s adressebog?`,
    heading: 'Vil du blive hos os?',
    intro: (t, m) =>
      `Du er registreret som kontakt i ${t}s adressebog for erhvervsarbejdet, men vi har ikke hørt fra dig i ${m} måneder.`,
    removal: (d, t) =>
      `Vi sletter dine oplysninger efter den ${d}, medmindre du vil blive i ${t}s adressebog.`,
    button: 'Ja, behold mine oplysninger',
    nothing: 'Vil du hellere slettes, skal du ikke gøre noget.',
    reason: (t) => `Du modtager denne e-mail, fordi du er registreret som kontakt hos ${t}.`,
  },
  page: {
    title: 'Behold dine oplysninger',
    question: (t) => `Vil du blive i ${t}s adressebog?`,
    keep: 'Ja, behold mine oplysninger',
    done: (t) => `Tak! Du bliver i ${t}s adressebog.`,
    invalid: 'Linket virker ikke længere',
    invalidDetail: 'Linket kan være udløbet eller skrevet forkert.',
  },
};

const en: KeepTexts = {
  mail: {
    subject: (t) => `Do you want to stay in ${t}'s address book?`,
    heading: 'Do you want to stay with us?',
    intro: (t, m) =>
      `You are a contact in ${t}'s address book for its business development work, but we have not heard from you for ${m} months.`,
    removal: (d, t) =>
      `We will remove your details after ${d} unless you want to stay in ${t}'s address book.`,
    button: 'Yes, keep my details',
    nothing: 'If you would rather be removed, you need not do anything.',
    reason: (t) => `You are receiving this email because you are registered as a contact of ${t}.`,
  },
  page: {
    title: 'Keep your details',
    question: (t) => `Do you want to stay in ${t}'s address book?`,
    keep: 'Yes, keep my details',
    done: (t) => `Thank you! You stay in ${t}'s address book.`,
    invalid: 'This link no longer works',
    invalidDetail: 'It may have expired or been mistyped.',
  },
};

export const keepMessages: TextTable<KeepTexts> = { sv, da, en };
export const keepTexts = textsOf(keepMessages);
