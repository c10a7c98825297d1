import type { Language } from '../../platform/texts/language.js';

/** The words around a release in its mail, in the recipient's language. */
export interface ReleaseMailTexts {
  embargoSubject: string;
  embargoNotice: (time: string) => string;
  readOnline: string;
  readOnlineEmbargo: (time: string) => string;
  downloads: string;
  preferences: string;
  reason: (tenantName: string) => string;
}

export const releaseMailTexts: Record<Language, ReleaseMailTexts> = {
  sv: {
    embargoSubject: 'EMBARGO',
    embargoNotice: (time) =>
      `EMBARGO: Får inte publiceras före ${time}. Pressmeddelandet skickas till dig i förväg; det blir offentligt på nyhetsrummet vid den tiden.`,
    readOnline: 'Läs på nyhetsrummet',
    readOnlineEmbargo: (time) => `Sidan och nedladdningarna öppnas ${time}.`,
    downloads: 'Nedladdningar',
    preferences: 'Ändra ämnen, språk eller pausa',
    reason: (tenant) =>
      `Du får det här mejlet eftersom du prenumererar på pressmeddelanden från ${tenant} och har bekräftat det.`,
  },
  da: {
    embargoSubject: 'EMBARGO',
    embargoNotice: (time) =>
      `EMBARGO: Må ikke offentliggøres før ${time}. Pressemeddelelsen sendes til dig på forhånd; den bliver offentlig i nyhedsrummet på det tidspunkt.`,
    readOnline: 'Læs i nyhedsrummet',
    readOnlineEmbargo: (time) => `Siden og downloads åbner ${time}.`,
    downloads: 'Downloads',
    preferences: 'Skift emner, sprog eller sæt på pause',
    reason: (tenant) =>
      `Du modtager denne e-mail, fordi du abonnerer på pressemeddelelser fra ${tenant} og har bekræftet det.`,
  },
  en: {
    embargoSubject: 'EMBARGO',
    embargoNotice: (time) =>
      `EMBARGO: Not for publication before ${time}. This release is sent to you in advance; it becomes public in the newsroom at that time.`,
    readOnline: 'Read in the newsroom',
    readOnlineEmbargo: (time) => `The page and downloads open ${time}.`,
    downloads: 'Downloads',
    preferences: 'Change topics, language or pause',
    reason: (tenant) =>
      `You are receiving this email because you subscribed to press releases from ${tenant} and confirmed it.`,
  },
};
