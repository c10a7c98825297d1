import type { Language } from '../platform/texts/language.js';

/**
 * The texts every mail says (greeting, footer, button fallback) and those of the mail
 * capability's own kinds, in Swedish, Danish and English. One interface for all languages, so a
 * missing translation is a type error, not a blank in someone's inbox. Other capabilities keep
 * the texts of their kinds with their templates.
 */
export interface MailTexts {
  greeting: (recipientName: string | undefined) => string;
  /** Put in front of the subject of a test send. */
  testSubjectPrefix: string;
  testBanner: string;
  /** "Button not working? Copy …", before a button's URL written out. */
  linkFallback: string;
  bulk: {
    reason: (tenantName: string) => string;
    unsubscribeLead: string;
    unsubscribe: string;
  };
  subscriptionConfirmation: {
    subject: (tenantName: string) => string;
    preheader: string;
    heading: string;
    intro: (tenantName: string) => string;
    topicsLead: string;
    button: string;
    reason: (tenantName: string) => string;
  };
}

const sv: MailTexts = {
  greeting: (name) => (name ? `Hej ${name},` : 'Hej,'),
  testSubjectPrefix: '[TEST]',
  testBanner:
    'Testutskick: det här mejlet har bara skickats till dig. Mottagarna får samma innehåll, men utan den här rutan och utan [TEST] i ämnesraden.',
  linkFallback: 'Fungerar inte knappen? Kopiera adressen och klistra in den i webbläsaren:',
  bulk: {
    reason: (tenant) => `Du får det här mejlet eftersom du är registrerad som kontakt hos ${tenant}.`,
    unsubscribeLead: 'Vill du inte längre få utskick från oss?',
    unsubscribe: 'Avregistrera dig',
  },
  subscriptionConfirmation: {
    subject: (tenant) => `Bekräfta din anmälan till utskick från ${tenant}`,
    preheader: 'Ett klick till, så är du anmäld.',
    heading: 'Bekräfta din anmälan',
    intro: (tenant) =>
      `Tack för att du vill få utskick från ${tenant}. Klicka på knappen för att bekräfta att det är din adress – först då börjar vi skicka.`,
    topicsLead: 'Du har anmält dig till:',
    button: 'Bekräfta anmälan',
    reason: (tenant) =>
      `Du får det här mejlet eftersom någon, förhoppningsvis du, har anmält den här adressen till utskick från ${tenant}. Var det inte du kan du bortse från mejlet: utan bekräftelse får du inga fler utskick.`,
  },
};

const da: MailTexts = {
  greeting: (name) => (name ? `Hej ${name},` : 'Hej,'),
  testSubjectPrefix: '[TEST]',
  testBanner:
    'Testudsendelse: denne e-mail er kun sendt til dig. Modtagerne får det samme indhold, men uden denne boks og uden [TEST] i emnelinjen.',
  linkFallback: 'Virker knappen ikke? Kopiér adressen, og indsæt den i din browser:',
  bulk: {
    reason: (tenant) => `Du modtager denne e-mail, fordi du er registreret som kontakt hos ${tenant}.`,
    unsubscribeLead: 'Vil du ikke længere modtage udsendelser fra os?',
    unsubscribe: 'Afmeld',
  },
  subscriptionConfirmation: {
    subject: (tenant) => `Bekræft din tilmelding til udsendelser fra ${tenant}`,
    preheader: 'Et klik mere, så er du tilmeldt.',
    heading: 'Bekræft din tilmelding',
    intro: (tenant) =>
      `Tak, fordi du vil modtage udsendelser fra ${tenant}. Klik på knappen for at bekræfte, at det er din adresse – først derefter begynder vi at sende.`,
    topicsLead: 'Du har tilmeldt dig:',
    button: 'Bekræft tilmelding',
    reason: (tenant) =>
      `Du modtager denne e-mail, fordi nogen, forhåbentlig dig, har tilmeldt denne adresse til udsendelser fra ${tenant}. Var det ikke dig, kan du se bort fra e-mailen: uden bekræftelse modtager du ikke flere udsendelser.`,
  },
};

const en: MailTexts = {
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  testSubjectPrefix: '[TEST]',
  testBanner:
    'Test send: this email was sent only to you. Recipients get the same content, without this box and without [TEST] in the subject line.',
  linkFallback: 'Button not working? Copy the address and paste it into your browser:',
  bulk: {
    reason: (tenant) =>
      `You are receiving this email because you are registered as a contact with ${tenant}.`,
    unsubscribeLead: 'No longer want to receive emails from us?',
    unsubscribe: 'Unsubscribe',
  },
  subscriptionConfirmation: {
    subject: (tenant) => `Confirm your subscription to emails from ${tenant}`,
    preheader: 'One more click and you are subscribed.',
    heading: 'Confirm your subscription',
    intro: (tenant) =>
      `Thank you for signing up for emails from ${tenant}. Click the button to confirm that this is your address – only then will we start sending.`,
    topicsLead: 'You signed up for:',
    button: 'Confirm subscription',
    reason: (tenant) =>
      `You are receiving this email because someone, hopefully you, signed this address up for emails from ${tenant}. If it wasn't you, you can ignore this email: without confirmation you will not receive anything more.`,
  },
};

export const mailTexts: Record<Language, MailTexts> = { sv, da, en };
