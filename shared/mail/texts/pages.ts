import type { Language } from '../../platform/texts/language.js';
import { type TextTable, textsOf } from '../../platform/texts/table.js';

/** The texts of mail's own pages (the unsubscribe page), one typed table per language. */
export interface MailPageTexts {
  unsubscribe: {
    title: string;
    question: (tenantName: string) => string;
    confirm: string;
    done: (tenantName: string) => string;
    doneDetail: string;
    invalid: string;
    invalidDetail: string;
  };
}

const sv: MailPageTexts = {
  unsubscribe: {
    title: 'Avregistrera dig',
    question: (tenant) => `Vill du sluta få utskick från ${tenant} via Samverkan?`,
    confirm: 'Ja, avregistrera mig',
    done: (tenant) => `Du får inte längre utskick från ${tenant}.`,
    doneDetail:
      'Inbjudningar du redan har svarat på påverkas inte. Ångrar du dig kan du kontakta kommunens näringslivsenhet.',
    invalid: 'Länken fungerar inte',
    invalidDetail:
      'Länken är ogiltig eller för gammal. Använd länken i ett nyare utskick, eller kontakta kommunen.',
  },
};

const da: MailPageTexts = {
  unsubscribe: {
    title: 'Afmeld',
    question: (tenant) => `Vil du ikke længere modtage udsendelser fra ${tenant} via Samverkan?`,
    confirm: 'Ja, afmeld mig',
    done: (tenant) => `Du modtager ikke længere udsendelser fra ${tenant}.`,
    doneDetail:
      'Invitationer, du allerede har svaret på, berøres ikke. Fortryder du, kan du kontakte kommunens erhvervsafdeling.',
    invalid: 'Linket virker ikke',
    invalidDetail:
      'Linket er ugyldigt eller for gammelt. Brug linket i en nyere udsendelse, eller kontakt kommunen.',
  },
};

const en: MailPageTexts = {
  unsubscribe: {
    title: 'Unsubscribe',
    question: (tenant) => `Do you want to stop receiving mailings from ${tenant} through Samverkan?`,
    confirm: 'Yes, unsubscribe me',
    done: (tenant) => `You will no longer receive mailings from ${tenant}.`,
    doneDetail:
      'Invitations you have already answered are not affected. If you change your mind, contact the municipality’s business office.',
    invalid: 'This link does not work',
    invalidDetail:
      'The link is invalid or too old. Use the link in a more recent mailing, or contact the municipality.',
  },
};

export const mailPageMessages: TextTable<MailPageTexts> = { sv, da, en };

export const mailPageTexts: (language: Language) => MailPageTexts = textsOf(mailPageMessages);
