import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';
import type { PublishTimeProblem, ReleaseStatus } from './release.js';

/** The press room's texts: the console's release pages and the public newsroom, one table per language. */
export interface PressTexts {
  nav: string;
  console: {
    title: string;
    newRelease: string;
    noReleases: string;
    headline: string;
    status: string;
    publishAt: string;
    statuses: Record<ReleaseStatus, string>;
    embargoed: string;
    more: string;
    edit: string;
    save: string;
    create: string;
    lead: string;
    body: string;
    bodyHint: string;
    quotes: string;
    quoteText: string;
    quoteName: string;
    quoteRole: string;
    language: string;
    topics: string;
    tags: string;
    regions: string;
    contacts: string;
    noTerms: string;
    schedule: string;
    scheduleHint: (timeZone: string) => string;
    embargo: string;
    embargoHint: string;
    scheduleSubmit: string;
    publishNow: string;
    cancel: string;
    cancelHint: string;
    correction: string;
    correctionHint: string;
    saveCorrection: string;
    files: string;
    noFiles: string;
    fileKind: string;
    kinds: { image: string; attachment: string };
    file: string;
    alt: string;
    fileHint: string;
    upload: string;
    removeFile: string;
    preview: string;
    previewHint: string;
    makePreviewLink: string;
    previewLink: (days: number) => string;
    publicPage: string;
    views: string;
    readOnly: string;
    back: string;
    invalidTime: string;
    corrections: string;
    programme: string;
    altRequired: string;
    notThatType: string;
    publishTime: Record<PublishTimeProblem, string>;
  };
  newsroom: {
    title: (tenant: string) => string;
    lead: string;
    filters: string;
    search: string;
    topic: string;
    tag: string;
    region: string;
    year: string;
    all: string;
    show: string;
    none: string;
    older: string;
    published: string;
    corrected: string;
    correctionOn: (date: string) => string;
    pressContacts: string;
    contactsPage: string;
    about: (tenant: string) => string;
    downloads: string;
    images: string;
    otherLanguages: string;
    feeds: string;
    feedFor: (what: string) => string;
    phone: string;
    email: string;
    backToNewsroom: string;
    preview: string;
    previewNotice: string;
    embargoNotice: (time: string) => string;
    quote: string;
  };
}

const sv: PressTexts = {
  nav: 'Pressrum',
  console: {
    title: 'Pressmeddelanden',
    newRelease: 'Nytt pressmeddelande',
    noReleases: 'Inga pressmeddelanden ännu.',
    headline: 'Rubrik',
    status: 'Status',
    publishAt: 'Publiceras',
    statuses: { draft: 'Utkast', scheduled: 'Schemalagt', published: 'Publicerat' },
    embargoed: 'under embargo',
    more: 'Fler',
    edit: 'Redigera',
    save: 'Spara',
    create: 'Skapa utkast',
    lead: 'Ingress',
    body: 'Brödtext',
    bodyHint: 'Markdown: **fet**, *kursiv*, [länk](https://…), listor och rubriker.',
    quotes: 'Citat',
    quoteText: 'Citat',
    quoteName: 'Vem säger det',
    quoteRole: 'Roll',
    language: 'Språk',
    topics: 'Ämnen',
    tags: 'Taggar',
    regions: 'Regioner',
    contacts: 'Presskontakter',
    noTerms: 'Inga i pressrummets lista ännu.',
    schedule: 'Schemalägg',
    scheduleHint: (zone) => `Tid i ${zone}.`,
    embargo: 'Under embargo',
    embargoHint: 'Prenumeranter får det i förväg med embargotid; sidan visas först vid tiden.',
    scheduleSubmit: 'Schemalägg',
    publishNow: 'Publicera nu',
    cancel: 'Stoppa publiceringen',
    cancelHint: 'Tar tillbaka ett schemalagt pressmeddelande till utkast.',
    correction: 'Rättelse',
    correctionHint: 'Ett publicerat pressmeddelande ändras bara med en rättelse, som visas på sidan.',
    saveCorrection: 'Spara rättelsen',
    files: 'Bilder och bilagor',
    noFiles: 'Inga filer ännu.',
    fileKind: 'Sort',
    kinds: { image: 'Bild', attachment: 'Bilaga' },
    file: 'Fil',
    alt: 'Alternativtext (bilder)',
    fileHint: 'Bilder: PNG, JPEG eller WebP, högst 4 MB. Bilagor: PDF eller bild, högst 10 MB.',
    upload: 'Ladda upp',
    removeFile: 'Ta bort',
    preview: 'Förhandsvisning',
    previewHint: 'En länk som kollegor kan öppna utan inloggning, före publicering.',
    makePreviewLink: 'Skapa förhandsvisningslänk',
    previewLink: (days) => `Länken gäller i ${days} dagar:`,
    publicPage: 'Publik sida',
    views: 'Sidvisningar',
    readOnly: 'Du kan läsa men inte ändra pressmeddelanden.',
    back: 'Tillbaka till pressmeddelandena',
    invalidTime: 'Ange datum och tid.',
    corrections: 'Rättelser',
    programme: 'Program och teman',
    altRequired: 'En bild behöver en alternativtext.',
    notThatType: 'Filen är inte av den typ den uppges vara.',
    publishTime: {
      invalid: 'Publiceras: ange datum och tid.',
      past: 'Publiceras: tiden måste ligga i framtiden.',
      tooFar: 'Publiceras: högst ett år framåt.',
    },
  },
  newsroom: {
    title: (tenant) => `Pressrum – ${tenant}`,
    lead: 'Pressmeddelanden, presskontakter och flöden.',
    filters: 'Filtrera',
    search: 'Sök',
    topic: 'Ämne',
    tag: 'Tagg',
    region: 'Region',
    year: 'År',
    all: 'Alla',
    show: 'Visa',
    none: 'Inga pressmeddelanden här.',
    older: 'Äldre pressmeddelanden',
    published: 'Publicerat',
    corrected: 'Rättat',
    correctionOn: (date) => `Rättelse ${date}:`,
    pressContacts: 'Presskontakter',
    contactsPage: 'Alla presskontakter',
    about: (tenant) => `Om ${tenant}`,
    downloads: 'Nedladdningar',
    images: 'Bilder',
    otherLanguages: 'På andra språk',
    feeds: 'Flöden',
    feedFor: (what) => `Flöden för ${what}`,
    phone: 'Telefon',
    email: 'E-post',
    backToNewsroom: 'Till pressrummet',
    preview: 'Förhandsvisning',
    previewNotice: 'Förhandsvisning: inte publicerat. Sprid inte länken.',
    embargoNotice: (time) => `Under embargo till ${time}.`,
    quote: 'Citat',
  },
};

const da: PressTexts = {
  nav: 'Presserum',
  console: {
    title: 'Pressemeddelelser',
    newRelease: 'Ny pressemeddelelse',
    noReleases: 'Ingen pressemeddelelser endnu.',
    headline: 'Overskrift',
    status: 'Status',
    publishAt: 'Udgives',
    statuses: { draft: 'Kladde', scheduled: 'Planlagt', published: 'Udgivet' },
    embargoed: 'under embargo',
    more: 'Flere',
    edit: 'Rediger',
    save: 'Gem',
    create: 'Opret kladde',
    lead: 'Manchet',
    body: 'Brødtekst',
    bodyHint: 'Markdown: **fed**, *kursiv*, [link](https://…), lister og overskrifter.',
    quotes: 'Citater',
    quoteText: 'Citat',
    quoteName: 'Hvem siger det',
    quoteRole: 'Rolle',
    language: 'Sprog',
    topics: 'Emner',
    tags: 'Tags',
    regions: 'Regioner',
    contacts: 'Pressekontakter',
    noTerms: 'Ingen i presserummets liste endnu.',
    schedule: 'Planlæg',
    scheduleHint: (zone) => `Tid i ${zone}.`,
    embargo: 'Under embargo',
    embargoHint: 'Abonnenter får den på forhånd med embargotid; siden vises først på tidspunktet.',
    scheduleSubmit: 'Planlæg',
    publishNow: 'Udgiv nu',
    cancel: 'Stop udgivelsen',
    cancelHint: 'Tager en planlagt pressemeddelelse tilbage til kladde.',
    correction: 'Rettelse',
    correctionHint: 'En udgivet pressemeddelelse ændres kun med en rettelse, som vises på siden.',
    saveCorrection: 'Gem rettelsen',
    files: 'Billeder og bilag',
    noFiles: 'Ingen filer endnu.',
    fileKind: 'Type',
    kinds: { image: 'Billede', attachment: 'Bilag' },
    file: 'Fil',
    alt: 'Alternativ tekst (billeder)',
    fileHint: 'Billeder: PNG, JPEG eller WebP, højst 4 MB. Bilag: PDF eller billede, højst 10 MB.',
    upload: 'Upload',
    removeFile: 'Fjern',
    preview: 'Forhåndsvisning',
    previewHint: 'Et link, som kolleger kan åbne uden login, før udgivelsen.',
    makePreviewLink: 'Opret link til forhåndsvisning',
    previewLink: (days) => `Linket gælder i ${days} dage:`,
    publicPage: 'Offentlig side',
    views: 'Sidevisninger',
    readOnly: 'Du kan læse, men ikke ændre pressemeddelelser.',
    back: 'Tilbage til pressemeddelelserne',
    invalidTime: 'Angiv dato og tid.',
    corrections: 'Rettelser',
    programme: 'Program og temaer',
    altRequired: 'Et billede skal have en alternativ tekst.',
    notThatType: 'Filen er ikke af den type, den angives at være.',
    publishTime: {
      invalid: 'Udgives: angiv dato og tid.',
      past: 'Udgives: tidspunktet skal ligge i fremtiden.',
      tooFar: 'Udgives: højst et år frem.',
    },
  },
  newsroom: {
    title: (tenant) => `Presserum – ${tenant}`,
    lead: 'Pressemeddelelser, pressekontakter og feeds.',
    filters: 'Filtrer',
    search: 'Søg',
    topic: 'Emne',
    tag: 'Tag',
    region: 'Region',
    year: 'År',
    all: 'Alle',
    show: 'Vis',
    none: 'Ingen pressemeddelelser her.',
    older: 'Ældre pressemeddelelser',
    published: 'Udgivet',
    corrected: 'Rettet',
    correctionOn: (date) => `Rettelse ${date}:`,
    pressContacts: 'Pressekontakter',
    contactsPage: 'Alle pressekontakter',
    about: (tenant) => `Om ${tenant}`,
    downloads: 'Downloads',
    images: 'Billeder',
    otherLanguages: 'På andre sprog',
    feeds: 'Feeds',
    feedFor: (what) => `Feeds for ${what}`,
    phone: 'Telefon',
    email: 'E-mail',
    backToNewsroom: 'Til presserummet',
    preview: 'Forhåndsvisning',
    previewNotice: 'Forhåndsvisning: ikke udgivet. Del ikke linket.',
    embargoNotice: (time) => `Under embargo til ${time}.`,
    quote: 'Citat',
  },
};

const en: PressTexts = {
  nav: 'Press room',
  console: {
    title: 'Press releases',
    newRelease: 'New press release',
    noReleases: 'No press releases yet.',
    headline: 'Headline',
    status: 'Status',
    publishAt: 'Public from',
    statuses: { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' },
    embargoed: 'under embargo',
    more: 'More',
    edit: 'Edit',
    save: 'Save',
    create: 'Create draft',
    lead: 'Lead',
    body: 'Body',
    bodyHint: 'Markdown: **bold**, *italic*, [link](https://…), lists and headings.',
    quotes: 'Quotes',
    quoteText: 'Quote',
    quoteName: 'Who says it',
    quoteRole: 'Role',
    language: 'Language',
    topics: 'Topics',
    tags: 'Tags',
    regions: 'Regions',
    contacts: 'Press contacts',
    noTerms: "None in the press room's list yet.",
    schedule: 'Schedule',
    scheduleHint: (zone) => `Time in ${zone}.`,
    embargo: 'Under embargo',
    embargoHint: 'Subscribers get it ahead with the embargo time; the page appears only at that time.',
    scheduleSubmit: 'Schedule',
    publishNow: 'Publish now',
    cancel: 'Stop publishing',
    cancelHint: 'Takes a scheduled press release back to a draft.',
    correction: 'Correction',
    correctionHint: 'A published press release changes only with a correction, which the page shows.',
    saveCorrection: 'Save the correction',
    files: 'Images and attachments',
    noFiles: 'No files yet.',
    fileKind: 'Kind',
    kinds: { image: 'Image', attachment: 'Attachment' },
    file: 'File',
    alt: 'Text alternative (images)',
    fileHint: 'Images: PNG, JPEG or WebP, at most 4 MB. Attachments: PDF or image, at most 10 MB.',
    upload: 'Upload',
    removeFile: 'Remove',
    preview: 'Preview',
    previewHint: 'A link colleagues can open without signing in, before publishing.',
    makePreviewLink: 'Make a preview link',
    previewLink: (days) => `The link works for ${days} days:`,
    publicPage: 'Public page',
    views: 'Page views',
    readOnly: 'You can read but not change press releases.',
    back: 'Back to the press releases',
    invalidTime: 'Enter a date and time.',
    corrections: 'Corrections',
    programme: 'Programme and themes',
    altRequired: 'An image needs a text alternative.',
    notThatType: 'The file is not of the type it claims to be.',
    publishTime: {
      invalid: 'Public from: enter a date and time.',
      past: 'Public from: the time must lie ahead.',
      tooFar: 'Public from: at most a year ahead.',
    },
  },
  newsroom: {
    title: (tenant) => `Press room – ${tenant}`,
    lead: 'Press releases, press contacts and feeds.',
    filters: 'Filter',
    search: 'Search',
    topic: 'Topic',
    tag: 'Tag',
    region: 'Region',
    year: 'Year',
    all: 'All',
    show: 'Show',
    none: 'No press releases here.',
    older: 'Older press releases',
    published: 'Published',
    corrected: 'Corrected',
    correctionOn: (date) => `Correction ${date}:`,
    pressContacts: 'Press contacts',
    contactsPage: 'All press contacts',
    about: (tenant) => `About ${tenant}`,
    downloads: 'Downloads',
    images: 'Images',
    otherLanguages: 'In other languages',
    feeds: 'Feeds',
    feedFor: (what) => `Feeds for ${what}`,
    phone: 'Phone',
    email: 'Email',
    backToNewsroom: 'To the press room',
    preview: 'Preview',
    previewNotice: 'Preview: not published. Do not share the link.',
    embargoNotice: (time) => `Under embargo until ${time}.`,
    quote: 'Quote',
  },
};

export const pressMessages: TextTable<PressTexts> = { sv, da, en };
export const pressTexts: (language: Language) => PressTexts = textsOf(pressMessages);
