import type { Language } from '../platform/texts/language.js';

/** The subscription pages' texts (subscribe, confirm, preference centre, leave), per language. */
export interface SubscriptionTexts {
  title: string;
  lead: (tenant: string) => string;
  email: string;
  name: string;
  outlet: string;
  optional: string;
  topics: string;
  regions: string;
  language: string;
  /** Shown next to the button and kept word for word with the consent (GDPR art. 7). */
  consent: (tenant: string) => string;
  submit: string;
  /** The same answer whatever the address's state. */
  sent: string;
  tooFast: string;
  refused: string;
  fields: Record<'email' | 'name' | 'outlet' | 'topics' | 'regions' | 'language', string>;
  confirmTitle: string;
  confirmLead: string;
  confirmButton: string;
  confirmed: (tenant: string) => string;
  preferencesTitle: string;
  preferencesLead: (tenant: string) => string;
  pause: string;
  save: string;
  saved: string;
  leave: string;
  leaveLead: string;
  left: (tenant: string) => string;
  unsubscribeTitle: string;
  unsubscribeButton: string;
}

const sv: SubscriptionTexts = {
  title: 'Prenumerera på pressmeddelanden',
  lead: (tenant) =>
    `Få pressmeddelanden från ${tenant} i din inkorg när de publiceras, för de ämnen och regioner du väljer.`,
  email: 'E-postadress',
  name: 'Namn',
  outlet: 'Redaktion eller medium',
  optional: '(frivilligt)',
  topics: 'Ämnen',
  regions: 'Regioner',
  language: 'Språk för utskicken',
  consent: (tenant) =>
    `Jag vill få pressmeddelanden från ${tenant} om de ämnen och regioner jag valt. Jag bekräftar via en länk i ett mejl och kan avsluta när som helst med ett klick.`,
  submit: 'Prenumerera',
  sent: 'Tack! Om adressen kan ta emot utskick får den strax ett mejl med en länk att bekräfta med. Först när du bekräftat skickar vi något.',
  tooFast: 'För många försök på kort tid. Vänta en minut och försök igen.',
  refused: 'Kontrollera fälten nedan.',
  fields: {
    email: 'Ange en giltig e-postadress.',
    name: 'Ange ditt namn på en rad.',
    outlet: 'Ange redaktionen på en rad.',
    topics: 'Välj minst ett ämne eller en region.',
    regions: 'Välj regioner från listan.',
    language: 'Välj ett språk.',
  },
  confirmTitle: 'Bekräfta prenumerationen',
  confirmLead: 'Klicka på knappen för att bekräfta att du vill få pressmeddelanden.',
  confirmButton: 'Bekräfta',
  confirmed: (tenant) => `Klart! Du prenumererar nu på pressmeddelanden från ${tenant}.`,
  preferencesTitle: 'Dina inställningar',
  preferencesLead: (tenant) => `Välj vilka pressmeddelanden från ${tenant} du vill få.`,
  pause: 'Pausa utskicken tills vidare',
  save: 'Spara',
  saved: 'Dina inställningar är sparade.',
  leave: 'Avsluta prenumerationen',
  leaveLead: 'Vill du inte längre få pressmeddelanden?',
  left: (tenant) => `Du får inte längre pressmeddelanden från ${tenant}.`,
  unsubscribeTitle: 'Avsluta prenumerationen',
  unsubscribeButton: 'Avsluta',
};

const da: SubscriptionTexts = {
  title: 'Abonnér på pressemeddelelser',
  lead: (tenant) =>
    `Få pressemeddelelser fra ${tenant} i din indbakke, når de offentliggøres, for de emner og regioner du vælger.`,
  email: 'E-mailadresse',
  name: 'Navn',
  outlet: 'Redaktion eller medie',
  optional: '(valgfrit)',
  topics: 'Emner',
  regions: 'Regioner',
  language: 'Sprog for udsendelserne',
  consent: (tenant) =>
    `Jeg vil modtage pressemeddelelser fra ${tenant} om de emner og regioner, jeg har valgt. Jeg bekræfter via et link i en e-mail og kan afmelde mig når som helst med ét klik.`,
  submit: 'Abonnér',
  sent: 'Tak! Hvis adressen kan modtage udsendelser, får den snart en e-mail med et link til at bekræfte. Vi sender først noget, når du har bekræftet.',
  tooFast: 'For mange forsøg på kort tid. Vent et minut, og prøv igen.',
  refused: 'Kontrollér felterne nedenfor.',
  fields: {
    email: 'Angiv en gyldig e-mailadresse.',
    name: 'Angiv dit navn på én linje.',
    outlet: 'Angiv redaktionen på én linje.',
    topics: 'Vælg mindst ét emne eller én region.',
    regions: 'Vælg regioner fra listen.',
    language: 'Vælg et sprog.',
  },
  confirmTitle: 'Bekræft abonnementet',
  confirmLead: 'Klik på knappen for at bekræfte, at du vil modtage pressemeddelelser.',
  confirmButton: 'Bekræft',
  confirmed: (tenant) => `Færdig! Du abonnerer nu på pressemeddelelser fra ${tenant}.`,
  preferencesTitle: 'Dine indstillinger',
  preferencesLead: (tenant) => `Vælg hvilke pressemeddelelser fra ${tenant} du vil modtage.`,
  pause: 'Sæt udsendelserne på pause indtil videre',
  save: 'Gem',
  saved: 'Dine indstillinger er gemt.',
  leave: 'Afslut abonnementet',
  leaveLead: 'Vil du ikke længere modtage pressemeddelelser?',
  left: (tenant) => `Du modtager ikke længere pressemeddelelser fra ${tenant}.`,
  unsubscribeTitle: 'Afslut abonnementet',
  unsubscribeButton: 'Afslut',
};

const en: SubscriptionTexts = {
  title: 'Subscribe to press releases',
  lead: (tenant) =>
    `Get press releases from ${tenant} in your inbox when they are published, for the topics and regions you choose.`,
  email: 'Email address',
  name: 'Name',
  outlet: 'Newsroom or outlet',
  optional: '(optional)',
  topics: 'Topics',
  regions: 'Regions',
  language: 'Language of the mails',
  consent: (tenant) =>
    `I want to receive press releases from ${tenant} on the topics and regions I chose. I confirm through a link in an email and can leave at any time with one click.`,
  submit: 'Subscribe',
  sent: 'Thank you! If the address can receive mail, it will shortly get an email with a link to confirm. We send nothing until you have confirmed.',
  tooFast: 'Too many attempts in a short time. Wait a minute and try again.',
  refused: 'Please check the fields below.',
  fields: {
    email: 'Enter a valid email address.',
    name: 'Enter your name on one line.',
    outlet: 'Enter the outlet on one line.',
    topics: 'Choose at least one topic or region.',
    regions: 'Choose regions from the list.',
    language: 'Choose a language.',
  },
  confirmTitle: 'Confirm your subscription',
  confirmLead: 'Click the button to confirm that you want to receive press releases.',
  confirmButton: 'Confirm',
  confirmed: (tenant) => `Done! You now subscribe to press releases from ${tenant}.`,
  preferencesTitle: 'Your preferences',
  preferencesLead: (tenant) => `Choose which press releases from ${tenant} you want to receive.`,
  pause: 'Pause the mails for now',
  save: 'Save',
  saved: 'Your preferences are saved.',
  leave: 'Leave the subscription',
  leaveLead: 'No longer want press releases?',
  left: (tenant) => `You will no longer receive press releases from ${tenant}.`,
  unsubscribeTitle: 'Leave the subscription',
  unsubscribeButton: 'Leave',
};

export const subscriptionTexts: Record<Language, SubscriptionTexts> = { sv, da, en };

/** The console's subscriber pages. */
export interface SubscriberConsoleTexts {
  title: string;
  total: string;
  perTopic: string;
  perRegion: string;
  term: string;
  subscribers: string;
  list: string;
  none: string;
  email: string;
  name: string;
  outlet: string;
  following: string;
  confirmedAt: string;
  paused: string;
  more: string;
  export: string;
  onlyThemselves: string;
}

export const subscriberConsoleTexts: Record<Language, SubscriberConsoleTexts> = {
  sv: {
    title: 'Prenumeranter på pressmeddelanden',
    total: 'Bekräftade prenumeranter',
    perTopic: 'Per ämne',
    perRegion: 'Per region',
    term: 'Namn',
    subscribers: 'Prenumeranter',
    list: 'Prenumeranter',
    none: 'Inga bekräftade prenumeranter ännu.',
    email: 'E-post',
    name: 'Namn',
    outlet: 'Redaktion',
    following: 'Följer',
    confirmedAt: 'Bekräftad',
    paused: 'pausad',
    more: 'Fler',
    export: 'Exportera (CSV)',
    onlyThemselves:
      'Journalister anmäler sig själva på nyhetsrummets sida och bekräftar via mejl; ingen kan läggas till här.',
  },
  da: {
    title: 'Abonnenter på pressemeddelelser',
    total: 'Bekræftede abonnenter',
    perTopic: 'Pr. emne',
    perRegion: 'Pr. region',
    term: 'Navn',
    subscribers: 'Abonnenter',
    list: 'Abonnenter',
    none: 'Ingen bekræftede abonnenter endnu.',
    email: 'E-mail',
    name: 'Navn',
    outlet: 'Redaktion',
    following: 'Følger',
    confirmedAt: 'Bekræftet',
    paused: 'på pause',
    more: 'Flere',
    export: 'Eksportér (CSV)',
    onlyThemselves:
      'Journalister tilmelder sig selv på nyhedsrummets side og bekræfter via e-mail; ingen kan tilføjes her.',
  },
  en: {
    title: 'Press release subscribers',
    total: 'Confirmed subscribers',
    perTopic: 'Per topic',
    perRegion: 'Per region',
    term: 'Name',
    subscribers: 'Subscribers',
    list: 'Subscribers',
    none: 'No confirmed subscribers yet.',
    email: 'Email',
    name: 'Name',
    outlet: 'Outlet',
    following: 'Follows',
    confirmedAt: 'Confirmed',
    paused: 'paused',
    more: 'More',
    export: 'Export (CSV)',
    onlyThemselves:
      'Journalists sign up themselves on the newsroom page and confirm by email; no one can be added here.',
  },
};
