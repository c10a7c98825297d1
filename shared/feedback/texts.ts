import type { Language } from '../platform/texts/language.js';
import { type TextTable, textsOf } from '../platform/texts/table.js';
import type { formProblemCodes } from './form.js';

/** Where the municipality is: which public-records law its notice names. */
export type Jurisdiction = 'se' | 'dk';

/** A Danish-speaking tenant is a Danish municipality; the others are Swedish. */
export const jurisdictionOf = (tenantLanguage: Language): Jurisdiction =>
  tenantLanguage === 'da' ? 'dk' : 'se';

export interface FeedbackTexts {
  noTheme: string;
  /** The console pages. */
  console: {
    title: string;
    newForm: string;
    none: string;
    columns: { title: string; event: string; status: string; answers: string };
    statuses: { open: string; closed: string };
    editTitle: string;
    createTitle: string;
    fields: {
      titleIn: (language: string) => string;
      language: string;
      event: string;
      noEvent: string;
      anonymousLink: string;
      followUp: string;
      followUpEnabled: string;
      delayMinutes: string;
      thankYouText: string;
      missedYouText: string;
      questions: string;
      question: (n: number) => string;
      type: string;
      label: string;
      theme: string;
      noTheme: string;
      required: string;
      options: string;
      optionsHint: string;
      scale: string;
      emptyRowHint: string;
      intro: string;
      closesAt: string;
      closesAtHint: string;
      help: string;
      lowLabel: string;
      highLabel: string;
      maxChoices: string;
      places: string;
      /** The disclosure holding a text's other languages. */
      translations: string;
      /** A field's label in another language: "Fråga (dansk)". */
      inLanguage: (label: string, language: string) => string;
      languageNames: Record<'sv' | 'da' | 'en', string>;
    };
    types: Record<'rating' | 'single' | 'multiple' | 'ranking' | 'short-text' | 'long-text' | 'none', string>;
    save: string;
    create: string;
    close: string;
    fixErrors: string;
    saved: string;
    lockedNote: (version: number) => string;
    analysis: string;
    edit: string;
    links: string;
    publicLink: string;
    qrCode: string;
    answersCount: (total: number, attributed: number, anonymous: number) => string;
    mean: (value: string) => string;
    answered: (n: number) => string;
    value: string;
    count: string;
    place: string;
    points: string;
    firsts: string;
    chartOf: (label: string) => string;
    freeText: string;
    filters: string;
    filter: string;
    allThemes: string;
    allTypes: string;
    industry: string;
    organisationType: string;
    noAnswers: string;
    anonymous: string;
    next: string;
    tags: string;
    saveTags: string;
    quote: string;
    unquote: string;
    quoted: string;
    hide: string;
    hideReason: string;
    hidden: (reason: string) => string;
    show: string;
    export: string;
    exportRedacted: string;
    exportMasked: string;
    respondent: string;
    time: string;
    live: string;
    publish: string;
    unpublish: string;
    summary: string;
    publishChoose: string;
    publishNote: string;
  };

  /** The answer page. */
  page: {
    required: string;
    optional: string;
    submit: string;
    update: string;
    /** The consent to hear back (attributed answers only): the label is stored with the answer. */
    hearBack: string;
    hearBackHint: string;
    thanks: string;
    updated: string;
    closed: string;
    invalidTitle: string;
    invalidBody: string;
    errorSummary: string;
    ratingHint: (low: string, high: string) => string;
    rankingHint: (places: number) => string;
    place: (n: number) => string;
    notRanked: string;
    chooseAtMost: (n: number) => string;
    charactersAtMost: (n: number) => string;
    answeredAlready: string;
    tooFast: string;
  };
  /** What happens with the answer: shown on every form page. */
  privacy: {
    heading: string;
    attributed: Record<Jurisdiction, (tenantName: string) => string>;
    anonymousPossible: string;
    anonymous: string;
  };
  /** The editor's own rules (see `formProblems`), and an event that does not exist. */
  problems: Record<(typeof formProblemCodes)[number] | 'noSuchEvent' | 'optionsCount', string>;
  errors: {
    required: string;
    invalid: string;
    tooLong: (max: number) => string;
    tooMany: (max: number) => string;
    ranking: string;
  };
}

const sv: FeedbackTexts = {
  noTheme: 'Övrigt',
  console: {
    title: 'Synpunkter',
    newForm: 'Nytt formulär',
    none: 'Inga formulär ännu.',
    columns: { title: 'Formulär', event: 'Evenemang', status: 'Status', answers: 'Svar' },
    statuses: { open: 'Öppet', closed: 'Stängt' },
    editTitle: 'Ändra formulär',
    createTitle: 'Nytt formulär',
    fields: {
      titleIn: (l) => `Rubrik (${l})`,
      language: 'Formulärets språk',
      event: 'Evenemang som formuläret följer upp',
      noEvent: 'Inget evenemang',
      anonymousLink: 'Ta emot anonyma svar via öppen länk och QR-kod',
      followUp: 'Uppföljning efter evenemanget',
      followUpEnabled: 'Skicka uppföljningsmejl när evenemanget är slut',
      delayMinutes: 'Minuter efter slut',
      thankYouText: 'Egen text till deltagarna (tackmejlet)',
      missedYouText: 'Egen text till de som inte kom (”vi saknade dig”)',
      questions: 'Frågor',
      question: (n) => `Fråga ${n}`,
      type: 'Typ',
      label: 'Fråga',
      theme: 'Tema',
      noTheme: 'Inget tema',
      required: 'Obligatorisk',
      options: 'Alternativ',
      optionsHint: 'Ett alternativ per rad (val av ett eller flera).',
      scale: 'Skala 1 till',
      emptyRowHint: 'Välj typ ”ingen fråga” för att ta bort en fråga.',
      intro: 'Inledning',
      closesAt: 'Stänger',
      closesAtHint: 'Efter det tas inga svar emot. Tomt: öppet tills du stänger det.',
      help: 'Hjälptext',
      lowLabel: 'Text vid lägsta värdet',
      highLabel: 'Text vid högsta värdet',
      maxChoices: 'Högst antal val',
      places: 'Antal platser att rangordna',
      translations: 'Översättningar',
      inLanguage: (label, language) => `${label} (${language})`,
      languageNames: { sv: 'svenska', da: 'danska', en: 'engelska' },
    },
    types: {
      rating: 'Betygsskala',
      single: 'Ett val',
      multiple: 'Flera val',
      ranking: 'Rangordna teman',
      'short-text': 'Kort text',
      'long-text': 'Lång text',
      none: 'Ingen fråga',
    },
    save: 'Spara',
    create: 'Skapa formulär',
    close: 'Stäng formuläret',
    fixErrors: 'Formuläret kunde inte sparas. Rätta följande:',
    saved: 'Sparat.',
    lockedNote: (v) =>
      `Formuläret har svar: ändrade frågor blir version ${v + 1}, och svaren behåller versionen de gavs till.`,
    analysis: 'Analys',
    edit: 'Ändra',
    links: 'Länkar',
    publicLink: 'Öppen länk för anonyma svar',
    qrCode: 'QR-kod till formuläret',
    answersCount: (t, a, n) => `${t} svar (${a} med namn, ${n} anonyma)`,
    mean: (v) => `medel ${v}`,
    answered: (n) => `${n} svarade`,
    value: 'Värde',
    count: 'Antal',
    place: 'Plats',
    points: 'Poäng',
    firsts: 'Förstaval',
    chartOf: (l) => `Diagram: ${l}`,
    freeText: 'Fritextsvar',
    filters: 'Filtrera',
    filter: 'Filtrera',
    allThemes: 'Alla teman',
    allTypes: 'Alla typer',
    industry: 'Bransch',
    organisationType: 'Organisationstyp',
    noAnswers: 'Inga svar som passar.',
    anonymous: 'Anonym',
    next: 'Nästa sida',
    tags: 'Koder',
    saveTags: 'Spara koder',
    quote: 'Markera som citat',
    unquote: 'Ta bort citat',
    quoted: 'Citat',
    hide: 'Dölj',
    hideReason: 'Skäl',
    hidden: (r) => `Dold: ${r}`,
    show: 'Visa igen',
    export: 'Exportera CSV',
    exportRedacted: 'Exportera CSV med personuppgifter maskade',
    exportMasked: 'Maskade personuppgifter',
    respondent: 'Svarande',
    time: 'Tid',
    live: 'Visning för rummet',
    publish: 'Publicera sammanfattning',
    unpublish: 'Avpublicera',
    summary: 'Publik sammanfattning',
    publishChoose: 'Frågor som visas som diagram',
    publishNote:
      'Citat du markerat visas också, med namn, e-postadresser, telefonnummer och personnummer maskade.',
  },
  page: {
    required: 'obligatorisk',
    optional: 'frivillig',
    submit: 'Skicka svar',
    update: 'Spara ändrat svar',
    hearBack: 'Berätta för mig vad det blir av det här',
    hearBackHint:
      'Vi mejlar dig en gång per beslut eller åtgärd inom de teman du svarat på. Du kan avregistrera dig i varje mejl.',
    thanks: 'Tack! Ditt svar är sparat.',
    updated: 'Tack! Ditt ändrade svar är sparat.',
    closed: 'Formuläret är stängt och tar inte emot fler svar.',
    invalidTitle: 'Formuläret finns inte',
    invalidBody: 'Länken är ogiltig, har gått ut eller leder till ett formulär som inte finns.',
    errorSummary: 'Svaret kunde inte sparas. Rätta det som är markerat:',
    ratingHint: (low, high) => `1 = ${low}, högst = ${high}`,
    rankingHint: (places) => `Ge plats 1 till det viktigaste, högst ${places} platser. Varje plats en gång.`,
    place: (n) => `Plats ${n}`,
    notRanked: 'Ingen plats',
    chooseAtMost: (n) => `Välj högst ${n}.`,
    charactersAtMost: (n) => `Högst ${n} tecken.`,
    answeredAlready: 'Du har redan svarat. Ladda om sidan för att ändra ditt svar.',
    tooFast: 'För många svar på kort tid från den här webbläsaren. Vänta en minut och försök igen.',
  },
  privacy: {
    heading: 'Vad händer med ditt svar?',
    attributed: {
      se: (t) =>
        `Ditt svar sparas med ditt namn och din organisation hos ${t}. Svar till en kommun är allmänna handlingar enligt offentlighetsprincipen och kan lämnas ut till den som begär det, om inte sekretess gäller.`,
      dk: (t) =>
        `Ditt svar sparas med ditt namn och din organisation hos ${t}. Svar till en dansk kommun kan omfattas av aktindsigt (offentlighedsloven) och lämnas ut till den som begär det.`,
    },
    anonymousPossible:
      'Du kan också svara anonymt via formulärets öppna länk eller QR-kod; då sparas inget som visar vem du är.',
    anonymous:
      'Det här är ett anonymt formulär: vi sparar inte ditt namn, din e-postadress, din IP-adress eller några kakor utöver formulärets säkerhetstoken. Skriv inga personuppgifter i fritextsvaren.',
  },
  problems: {
    notATheme: 'Inte ett av programmets teman.',
    idUsed: 'Används av en annan fråga.',
    optionsUnique: 'Varje alternativ en gång.',
    moreChoicesThanOptions: 'Fler val än det finns alternativ.',
    tooFewThemes: 'Minst två teman att rangordna.',
    themeTwice: 'Varje tema en gång.',
    morePlacesThanThemes: 'Fler platser än teman.',
    noSuchEvent: 'Evenemanget finns inte.',
    optionsCount: 'Lika många rader som alternativen på formulärets språk.',
  },
  errors: {
    required: 'Svara på frågan.',
    invalid: 'Välj ett av alternativen.',
    tooLong: (max) => `Högst ${max} tecken.`,
    tooMany: (max) => `Välj högst ${max}.`,
    ranking: 'Ge varje plats högst en gång, från plats 1 och uppåt.',
  },
};

const da: FeedbackTexts = {
  noTheme: 'Andet',
  console: {
    title: 'Synspunkter',
    newForm: 'Nyt skema',
    none: 'Ingen skemaer endnu.',
    columns: { title: 'Skema', event: 'Arrangement', status: 'Status', answers: 'Svar' },
    statuses: { open: 'Åbent', closed: 'Lukket' },
    editTitle: 'Ret skema',
    createTitle: 'Nyt skema',
    fields: {
      titleIn: (l) => `Overskrift (${l})`,
      language: 'Skemaets sprog',
      event: 'Arrangement, som skemaet følger op på',
      noEvent: 'Intet arrangement',
      anonymousLink: 'Modtag anonyme svar via åbent link og QR-kode',
      followUp: 'Opfølgning efter arrangementet',
      followUpEnabled: 'Send opfølgningsmails, når arrangementet er slut',
      delayMinutes: 'Minutter efter slut',
      thankYouText: 'Egen tekst til deltagerne (takkemailen)',
      missedYouText: 'Egen tekst til dem, der ikke kom (»vi savnede dig«)',
      questions: 'Spørgsmål',
      question: (n) => `Spørgsmål ${n}`,
      type: 'Type',
      label: 'Spørgsmål',
      theme: 'Tema',
      noTheme: 'Intet tema',
      required: 'Obligatorisk',
      options: 'Muligheder',
      optionsHint: 'Én mulighed pr. linje (et eller flere valg).',
      scale: 'Skala 1 til',
      emptyRowHint: 'Vælg typen »intet spørgsmål« for at fjerne et spørgsmål.',
      intro: 'Indledning',
      closesAt: 'Lukker',
      closesAtHint: 'Derefter modtages ingen svar. Tomt: åbent, til du lukker det.',
      help: 'Hjælpetekst',
      lowLabel: 'Tekst ved laveste værdi',
      highLabel: 'Tekst ved højeste værdi',
      maxChoices: 'Højst antal valg',
      places: 'Antal pladser at rangordne',
      translations: 'Oversættelser',
      inLanguage: (label, language) => `${label} (${language})`,
      languageNames: { sv: 'svensk', da: 'dansk', en: 'engelsk' },
    },
    types: {
      rating: 'Vurderingsskala',
      single: 'Ét valg',
      multiple: 'Flere valg',
      ranking: 'Rangordn temaer',
      'short-text': 'Kort tekst',
      'long-text': 'Lang tekst',
      none: 'Intet spørgsmål',
    },
    save: 'Gem',
    create: 'Opret skema',
    close: 'Luk skemaet',
    fixErrors: 'Skemaet kunne ikke gemmes. Ret følgende:',
    saved: 'Gemt.',
    lockedNote: (v) =>
      `Skemaet har svar: ændrede spørgsmål bliver version ${v + 1}, og svarene beholder den version, de blev givet til.`,
    analysis: 'Analyse',
    edit: 'Ret',
    links: 'Links',
    publicLink: 'Åbent link til anonyme svar',
    qrCode: 'QR-kode til skemaet',
    answersCount: (t, a, n) => `${t} svar (${a} med navn, ${n} anonyme)`,
    mean: (v) => `gennemsnit ${v}`,
    answered: (n) => `${n} svarede`,
    value: 'Værdi',
    count: 'Antal',
    place: 'Plads',
    points: 'Point',
    firsts: 'Førstevalg',
    chartOf: (l) => `Diagram: ${l}`,
    freeText: 'Fritekstsvar',
    filters: 'Filtrér',
    filter: 'Filtrér',
    allThemes: 'Alle temaer',
    allTypes: 'Alle typer',
    industry: 'Branche',
    organisationType: 'Organisationstype',
    noAnswers: 'Ingen svar, der passer.',
    anonymous: 'Anonym',
    next: 'Næste side',
    tags: 'Koder',
    saveTags: 'Gem koder',
    quote: 'Markér som citat',
    unquote: 'Fjern citat',
    quoted: 'Citat',
    hide: 'Skjul',
    hideReason: 'Begrundelse',
    hidden: (r) => `Skjult: ${r}`,
    show: 'Vis igen',
    export: 'Eksportér CSV',
    exportRedacted: 'Eksportér CSV med personoplysninger maskeret',
    exportMasked: 'Maskerede personoplysninger',
    respondent: 'Besvaret af',
    time: 'Tid',
    live: 'Visning til lokalet',
    publish: 'Offentliggør opsummering',
    unpublish: 'Fjern offentliggørelse',
    summary: 'Offentlig opsummering',
    publishChoose: 'Spørgsmål, der vises som diagrammer',
    publishNote:
      'Citater, du har markeret, vises også, med navne, e-mailadresser, telefonnumre og CPR-numre maskeret.',
  },
  page: {
    required: 'obligatorisk',
    optional: 'valgfri',
    submit: 'Send svar',
    update: 'Gem ændret svar',
    hearBack: 'Fortæl mig, hvad der kommer ud af det',
    hearBackHint:
      'Vi mailer dig én gang for hver beslutning eller indsats inden for de temaer, du har svaret på. Du kan afmelde dig i hver mail.',
    thanks: 'Tak! Dit svar er gemt.',
    updated: 'Tak! Dit ændrede svar er gemt.',
    closed: 'Skemaet er lukket og modtager ikke flere svar.',
    invalidTitle: 'Skemaet findes ikke',
    invalidBody: 'Linket er ugyldigt, udløbet eller fører til et skema, der ikke findes.',
    errorSummary: 'Svaret kunne ikke gemmes. Ret det markerede:',
    ratingHint: (low, high) => `1 = ${low}, højest = ${high}`,
    rankingHint: (places) => `Giv plads 1 til det vigtigste, højst ${places} pladser. Hver plads én gang.`,
    place: (n) => `Plads ${n}`,
    notRanked: 'Ingen plads',
    chooseAtMost: (n) => `Vælg højst ${n}.`,
    charactersAtMost: (n) => `Højst ${n} tegn.`,
    answeredAlready: 'Du har allerede svaret. Genindlæs siden for at ændre dit svar.',
    tooFast: 'For mange svar på kort tid fra denne browser. Vent et minut, og prøv igen.',
  },
  privacy: {
    heading: 'Hvad sker der med dit svar?',
    attributed: {
      se: (t) =>
        `Dit svar gemmes med dit navn og din organisation hos ${t}. Svar til en svensk kommune er offentlige dokumenter efter offentlighedsprincippet (offentlighetsprincipen) og kan udleveres til den, der beder om det, medmindre der gælder tavshedspligt.`,
      dk: (t) =>
        `Dit svar gemmes med dit navn og din organisation hos ${t}. Svar til kommunen kan være omfattet af retten til aktindsigt efter offentlighedsloven og kan udleveres til den, der beder om det.`,
    },
    anonymousPossible:
      'Du kan også svare anonymt via skemaets åbne link eller QR-kode; så gemmes intet, der viser, hvem du er.',
    anonymous:
      'Dette er et anonymt skema: vi gemmer ikke dit navn, din e-mailadresse, din IP-adresse eller cookies ud over skemaets sikkerhedstoken. Skriv ingen personoplysninger i fritekstsvarene.',
  },
  problems: {
    notATheme: 'Ikke et af programmets temaer.',
    idUsed: 'Bruges af et andet spørgsmål.',
    optionsUnique: 'Hver mulighed én gang.',
    moreChoicesThanOptions: 'Flere valg, end der er muligheder.',
    tooFewThemes: 'Mindst to temaer at rangordne.',
    themeTwice: 'Hvert tema én gang.',
    morePlacesThanThemes: 'Flere pladser end temaer.',
    noSuchEvent: 'Arrangementet findes ikke.',
    optionsCount: 'Lige så mange linjer som mulighederne på formularens sprog.',
  },
  errors: {
    required: 'Besvar spørgsmålet.',
    invalid: 'Vælg en af mulighederne.',
    tooLong: (max) => `Højst ${max} tegn.`,
    tooMany: (max) => `Vælg højst ${max}.`,
    ranking: 'Brug hver plads højst én gang, fra plads 1 og op.',
  },
};

const en: FeedbackTexts = {
  noTheme: 'Other',
  console: {
    title: 'Feedback',
    newForm: 'New form',
    none: 'No forms yet.',
    columns: { title: 'Form', event: 'Event', status: 'Status', answers: 'Answers' },
    statuses: { open: 'Open', closed: 'Closed' },
    editTitle: 'Edit form',
    createTitle: 'New form',
    fields: {
      titleIn: (l) => `Title (${l})`,
      language: 'Language of the form',
      event: 'Event the form follows up',
      noEvent: 'No event',
      anonymousLink: 'Take anonymous answers through an open link and QR code',
      followUp: 'Follow-up after the event',
      followUpEnabled: 'Send follow-up mails when the event has ended',
      delayMinutes: 'Minutes after the end',
      thankYouText: 'Own words to attendees (the thank-you mail)',
      missedYouText: 'Own words to those who did not come (“we missed you”)',
      questions: 'Questions',
      question: (n) => `Question ${n}`,
      type: 'Type',
      label: 'Question',
      theme: 'Theme',
      noTheme: 'No theme',
      required: 'Required',
      options: 'Options',
      optionsHint: 'One option per line (single or multiple choice).',
      scale: 'Scale 1 to',
      emptyRowHint: 'Choose the type “no question” to remove a question.',
      intro: 'Introduction',
      closesAt: 'Closes',
      closesAtHint: 'No answers are taken after it. Empty: open until you close it.',
      help: 'Help text',
      lowLabel: 'Text at the lowest value',
      highLabel: 'Text at the highest value',
      maxChoices: 'At most this many choices',
      places: 'Places to rank',
      translations: 'Translations',
      inLanguage: (label, language) => `${label} (${language})`,
      languageNames: { sv: 'Swedish', da: 'Danish', en: 'English' },
    },
    types: {
      rating: 'Rating scale',
      single: 'Single choice',
      multiple: 'Multiple choice',
      ranking: 'Rank the themes',
      'short-text': 'Short text',
      'long-text': 'Long text',
      none: 'No question',
    },
    save: 'Save',
    create: 'Create form',
    close: 'Close the form',
    fixErrors: 'The form could not be saved. Please correct:',
    saved: 'Saved.',
    lockedNote: (v) =>
      `The form has answers: changed questions become version ${v + 1}, and answers keep the version they were given to.`,
    analysis: 'Analysis',
    edit: 'Edit',
    links: 'Links',
    publicLink: 'Open link for anonymous answers',
    qrCode: 'QR code to the form',
    answersCount: (t, a, n) => `${t} answers (${a} with names, ${n} anonymous)`,
    mean: (v) => `mean ${v}`,
    answered: (n) => `${n} answered`,
    value: 'Value',
    count: 'Count',
    place: 'Place',
    points: 'Points',
    firsts: 'First choices',
    chartOf: (l) => `Chart: ${l}`,
    freeText: 'Free-text answers',
    filters: 'Filter',
    filter: 'Filter',
    allThemes: 'All themes',
    allTypes: 'All types',
    industry: 'Industry',
    organisationType: 'Organisation type',
    noAnswers: 'No answers match.',
    anonymous: 'Anonymous',
    next: 'Next page',
    tags: 'Codes',
    saveTags: 'Save codes',
    quote: 'Mark as quote',
    unquote: 'Remove quote',
    quoted: 'Quote',
    hide: 'Hide',
    hideReason: 'Reason',
    hidden: (r) => `Hidden: ${r}`,
    show: 'Show again',
    export: 'Export CSV',
    exportRedacted: 'Export CSV with personal data masked',
    exportMasked: 'Personal data masked',
    respondent: 'Respondent',
    time: 'Time',
    live: 'Screen for the room',
    publish: 'Publish summary',
    unpublish: 'Unpublish',
    summary: 'Public summary',
    publishChoose: 'Questions shown as charts',
    publishNote:
      'Quotes you marked are shown too, with names, email addresses, phone numbers and personal identity numbers masked.',
  },
  page: {
    required: 'required',
    optional: 'optional',
    submit: 'Send answer',
    update: 'Save changed answer',
    hearBack: 'Tell me what comes of this',
    hearBackHint:
      'We mail you once for each decision or action on the themes you answered on. You can unsubscribe in every mail.',
    thanks: 'Thank you! Your answer is saved.',
    updated: 'Thank you! Your changed answer is saved.',
    closed: 'This form is closed and takes no more answers.',
    invalidTitle: 'Form not found',
    invalidBody: 'The link is invalid, has expired or leads to a form that does not exist.',
    errorSummary: 'Your answer could not be saved. Please correct what is marked:',
    ratingHint: (low, high) => `1 = ${low}, highest = ${high}`,
    rankingHint: (places) => `Give place 1 to what matters most, at most ${places} places. Each place once.`,
    place: (n) => `Place ${n}`,
    notRanked: 'No place',
    chooseAtMost: (n) => `Choose at most ${n}.`,
    charactersAtMost: (n) => `At most ${n} characters.`,
    answeredAlready: 'You have answered already. Reload the page to change your answer.',
    tooFast: 'Too many answers from this browser in a short time. Wait a minute and try again.',
  },
  privacy: {
    heading: 'What happens with your answer?',
    attributed: {
      se: (t) =>
        `Your answer is kept with your name and organisation by ${t}. Answers to a Swedish municipality are public documents under the principle of public access (offentlighetsprincipen) and may be disclosed to anyone who asks, unless secrecy applies.`,
      dk: (t) =>
        `Your answer is kept with your name and organisation by ${t}. Answers to a Danish municipality may be subject to access to public records (aktindsigt, the Danish Access to Public Administration Files Act) and disclosed to anyone who asks.`,
    },
    anonymousPossible:
      'You may also answer anonymously through the form’s open link or QR code; then nothing that shows who you are is kept.',
    anonymous:
      'This is an anonymous form: we keep no name, email address, IP address or cookies beyond the form’s security token. Please write no personal data in the free-text answers.',
  },
  problems: {
    notATheme: 'Not one of the programme’s themes.',
    idUsed: 'Used by another question.',
    optionsUnique: 'Each option once.',
    moreChoicesThanOptions: 'More choices than there are options.',
    tooFewThemes: 'At least two themes to rank.',
    themeTwice: 'Each theme once.',
    morePlacesThanThemes: 'More places than themes.',
    noSuchEvent: 'The event does not exist.',
    optionsCount: "As many lines as the options in the form's language.",
  },
  errors: {
    required: 'Please answer the question.',
    invalid: 'Choose one of the options.',
    tooLong: (max) => `At most ${max} characters.`,
    tooMany: (max) => `Choose at most ${max}.`,
    ranking: 'Use each place at most once, from place 1 upwards.',
  },
};

export const feedbackMessages: TextTable<FeedbackTexts> = { sv, da, en };
export const feedbackTexts = textsOf(feedbackMessages);
