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
  brandHeading: string;
  brandHelp: string;
  colourLabel: string;
  colourHelp: string;
  colourInvalid: string;
  colourTooLight: (ratio: string) => string;
  logoLabel: string;
  logoHelp: string;
  logoCurrent: string;
  logoNone: string;
  uploadLogo: string;
  removeLogo: string;
  logoErrors: Record<'missing' | 'type' | 'size' | 'dimensions', string>;
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
    brandHeading: 'Kommunens logotyp och färg',
    brandHelp:
      'Visas i sidhuvudet på sidorna som kontakter och journalister ser (svar, feedback, pressrum) och överst i varje mejl.',
    colourLabel: 'Färg',
    colourHelp:
      'Som #0a5866. Vit text ska gå att läsa på färgen: kontrast minst 4,5:1. Lämna tomt för Samverkans färg.',
    colourInvalid: 'Färg: skriv färgen som # och sex tecken, till exempel #0a5866.',
    colourTooLight: (ratio) =>
      `Färg: för ljus – vit text på den får kontrasten ${ratio}:1, minst 4,5:1 behövs. Välj en mörkare nyans.`,
    logoLabel: 'Logotyp',
    logoHelp:
      'PNG eller JPEG, högst 200 kB, 16–2000 pixlar på varje led. Följer med varje mejl, så håll den liten. Alternativtexten blir kommunens namn. SVG tas inte emot.',
    logoCurrent: 'Nuvarande logotyp:',
    logoNone: 'Ingen logotyp ännu: sidorna visar kommunens namn.',
    uploadLogo: 'Ladda upp logotypen',
    removeLogo: 'Ta bort logotypen',
    logoErrors: {
      missing: 'Logotyp: välj en bildfil.',
      type: 'Logotyp: filen är ingen PNG- eller JPEG-bild (SVG tas inte emot).',
      size: 'Logotyp: filen är större än 200 kB.',
      dimensions: 'Logotyp: bilden ska vara 16–2000 pixlar bred och hög.',
    },
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
    brandHeading: 'Kommunens logo og farve',
    brandHelp:
      'Vises i sidehovedet på de sider, kontakter og journalister ser (svar, feedback, presserum), og øverst i hver mail.',
    colourLabel: 'Farve',
    colourHelp:
      'Som #0a5866. Hvid tekst skal kunne læses på farven: kontrast mindst 4,5:1. Lad feltet stå tomt for Samverkans farve.',
    colourInvalid: 'Farve: skriv farven som # og seks tegn, for eksempel #0a5866.',
    colourTooLight: (ratio) =>
      `Farve: for lys – hvid tekst på den får kontrasten ${ratio}:1, mindst 4,5:1 kræves. Vælg en mørkere nuance.`,
    logoLabel: 'Logo',
    logoHelp:
      'PNG eller JPEG, højst 200 kB, 16–2000 pixel hver vej. Følger med hver mail, så hold den lille. Alternativteksten bliver kommunens navn. SVG modtages ikke.',
    logoCurrent: 'Nuværende logo:',
    logoNone: 'Intet logo endnu: siderne viser kommunens navn.',
    uploadLogo: 'Upload logoet',
    removeLogo: 'Fjern logoet',
    logoErrors: {
      missing: 'Logo: vælg en billedfil.',
      type: 'Logo: filen er ikke et PNG- eller JPEG-billede (SVG modtages ikke).',
      size: 'Logo: filen er større end 200 kB.',
      dimensions: 'Logo: billedet skal være 16–2000 pixel bredt og højt.',
    },
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
    brandHeading: "The municipality's logo and colour",
    brandHelp:
      'Shown in the header of the pages contacts and journalists see (answers, feedback, press room) and at the top of every mail.',
    colourLabel: 'Colour',
    colourHelp:
      "Like #0a5866. White text must be readable on it: contrast at least 4.5:1. Leave empty for Samverkan's colour.",
    colourInvalid: 'Colour: write the colour as # and six characters, for example #0a5866.',
    colourTooLight: (ratio) =>
      `Colour: too light – white text on it has a contrast of ${ratio}:1, at least 4.5:1 is needed. Choose a darker shade.`,
    logoLabel: 'Logo',
    logoHelp:
      "PNG or JPEG, at most 200 kB, 16–2000 pixels each way. Every mail carries it, so keep it small. Its alternative text is the municipality's name. SVG is not accepted.",
    logoCurrent: 'Current logo:',
    logoNone: "No logo yet: the pages show the municipality's name.",
    uploadLogo: 'Upload the logo',
    removeLogo: 'Remove the logo',
    logoErrors: {
      missing: 'Logo: choose an image file.',
      type: 'Logo: the file is not a PNG or JPEG image (SVG is not accepted).',
      size: 'Logo: the file is larger than 200 kB.',
      dimensions: 'Logo: the image must be 16–2000 pixels wide and high.',
    },
  },
};

export const settingsTexts = textsOf(table);
