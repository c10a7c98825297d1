import type { Language } from './language.js';
import { type TextTable, textsOf } from './table.js';

/** The tenant settings page. */
export interface SettingsTexts {
  title: string;
  intro: string;
  adminsOnly: string;
  noticeHeading: string;
  noticeHelp: string;
  noticeIn: (language: string) => string;
  /** Shown under each field: what respondents read when the field is empty. */
  standardText: string;
  languageNames: Record<Language, string>;
  trackingHeading: string;
  trackingLabel: string;
  trackingHelp: string;
  save: string;
  saved: string;
  fixErrors: string;
}

const table: TextTable<SettingsTexts> = {
  sv: {
    title: 'Inställningar',
    intro: 'Det här gäller hela kommunens konto i Samverkan.',
    adminsOnly: 'Bara administratörer kan ändra inställningarna.',
    noticeHeading: 'Upplysning om allmänna handlingar',
    noticeHelp:
      'Visas på varje formulär där någon svarar med sitt namn: vad som händer med svaret. Lämna tomt för Samverkans standardtext.',
    noticeIn: (l) => `Upplysning på ${l}`,
    standardText: 'Standardtext:',
    languageNames: { sv: 'svenska', da: 'danska', en: 'engelska' },
    trackingHeading: 'Spårning i utskick',
    trackingLabel: 'Räkna öppningar och klick i utskick',
    trackingHelp:
      'Mejlen får då en osynlig bild och länkar som går via utskickstjänsten, så att ni ser hur många som öppnat och klickat. Stäng av om kommunen inte vill spåra mottagarna; leveranser, studsar och klagomål räknas ändå.',
    save: 'Spara',
    saved: 'Inställningarna är sparade.',
    fixErrors: 'Rätta det här först:',
  },
  da: {
    title: 'Indstillinger',
    intro: 'Det her gælder hele kommunens konto i Samverkan.',
    adminsOnly: 'Kun administratorer kan ændre indstillingerne.',
    noticeHeading: 'Oplysning om aktindsigt',
    noticeHelp:
      'Vises på hver formular, hvor nogen svarer med sit navn: hvad der sker med svaret. Lad feltet stå tomt for Samverkans standardtekst.',
    noticeIn: (l) => `Oplysning på ${l}`,
    standardText: 'Standardtekst:',
    languageNames: { sv: 'svensk', da: 'dansk', en: 'engelsk' },
    trackingHeading: 'Sporing i udsendelser',
    trackingLabel: 'Tæl åbninger og klik i udsendelser',
    trackingHelp:
      'Mailene får så et usynligt billede og links, der går via udsendelsestjenesten, så I kan se, hvor mange der har åbnet og klikket. Slå det fra, hvis kommunen ikke vil spore modtagerne; leveringer, afvisninger og klager tælles stadig.',
    save: 'Gem',
    saved: 'Indstillingerne er gemt.',
    fixErrors: 'Ret dette først:',
  },
  en: {
    title: 'Settings',
    intro: "These apply to the municipality's whole Samverkan account.",
    adminsOnly: 'Only administrators can change the settings.',
    noticeHeading: 'Public records notice',
    noticeHelp:
      "Shown on every form where someone answers with their name: what happens with the answer. Leave empty for Samverkan's standard text.",
    noticeIn: (l) => `Notice in ${l}`,
    standardText: 'Standard text:',
    languageNames: { sv: 'Swedish', da: 'Danish', en: 'English' },
    trackingHeading: 'Tracking in mailings',
    trackingLabel: 'Count opens and clicks in mailings',
    trackingHelp:
      'Mails then carry an invisible image and links that go through the mail service, so you can see how many opened and clicked. Switch it off if the municipality does not want to track recipients; deliveries, bounces and complaints are still counted.',
    save: 'Save',
    saved: 'The settings are saved.',
    fixErrors: 'Fix this first:',
  },
};

export const settingsTexts = textsOf(table);
