import type { Language } from '../../platform/texts/language.js';
import { type TextTable, textsOf } from '../../platform/texts/table.js';
import type { DietaryCategory, EventKind, EventStatus, InvitationStatus, MeetingFormat } from '../meeting.js';
import type { EventFormField, QuestionKey } from '../pages/form.js';
import type { AudienceChoice, InviteError } from '../pages/invite.js';
import type { EventNotice } from '../pages/live.js';
import { dietaryNames, eventKindNames } from '../vocabulary.js';

/**
 * The meetings console's texts: the event pages (list, form, live view, invite, badges), the
 * attendee CSV's headers and what the error page says when a change is refused. One interface for
 * every language, so a missing translation is a type error. (The menu entry is the shell's
 * `nav.events`; the RSVP page has its own table in `rsvp.ts`.)
 */
export interface MeetingsTexts {
  title: string;
  intro: string;
  newEvent: string;
  upcoming: string;
  past: string;
  noUpcoming: string;
  noPast: string;
  backToList: string;
  backToEvent: string;
  yes: string;
  no: string;
  kinds: Record<EventKind, string>;
  statuses: Record<EventStatus, string>;
  invitationStatuses: Record<InvitationStatus, string>;
  dietary: Record<DietaryCategory, string>;
  /** Known organisation types; others are shown as stored. */
  organisationTypes: Record<string, string>;
  seatsOfCapacity: (seats: string, capacity: string) => string;
  columns: {
    event: string;
    when: string;
    status: string;
    invited: string;
    opened: string;
    attending: string;
    declined: string;
    waitlisted: string;
    noAnswer: string;
    attended: string;
    /** Counters in people (seats), not answers: the same figure on the list and the event page. */
    attendingPeople: string;
    waitlistedPeople: string;
    presentPeople: string;
    organisationType: string;
    organisation: string;
    contact: string;
    email: string;
    names: string;
    seats: string;
    dietary: string;
    accessibility: string;
    note: string;
  };
  facts: {
    when: string;
    where: string;
    rsvpDeadline: string;
    capacity: string;
    capacityText: (capacity: string, perOrganisation: string) => string;
  };
  notices: Record<EventNotice, string>;
  actions: {
    edit: string;
    duplicate: string;
    publish: string;
    publishHint: string;
    invite: string;
    exportCsv: string;
    exportCsvSemicolon: string;
    badges: string;
    cancelHeading: string;
    cancel: string;
    cancelHintPublished: string;
    cancelHintDraft: string;
    cancelMessage: string;
    cancelConfirm: string;
  };
  live: {
    countersHeading: string;
    seats: (seats: string) => string;
    byTypeHeading: string;
    byTypeEmpty: string;
    dietaryHeading: string;
    dietaryLead: (seats: string) => string;
    dietaryCount: string;
    dietaryNone: string;
    dietaryHint: string;
    answers: (answers: string) => string;
    needsHeading: string;
    needsNone: string;
    needsNoneOnPage: string;
    dietaryOther: string;
    invitationsHeading: string;
    noInvitations: string;
    noMore: string;
    attendedToggle: string;
    pagerLabel: string;
    firstPage: string;
    nextPage: string;
  };
  form: {
    newTitle: string;
    /** Above the form of a copy: where it came from, and what is left to fill in. */
    copyOf: (title: string) => string;
    editTitle: string;
    publishedNote: string;
    notSaved: string;
    errorSummary: (count: number) => string;
    errorPrefix: string;
    basics: string;
    placeAndTime: string;
    seats: string;
    agendaLegend: string;
    questions: string;
    questionsHint: string;
    reminders: string;
    noProgramme: string;
    languageHint: string;
    timesHint: (timeZone: string) => string;
    seatLimitHint: string;
    /** In person / online / hybrid, and where the meeting link is shown. */
    formats: Record<MeetingFormat, string>;
    meetingUrlHint: string;
    agendaHint: string;
    reminderDaysHint: string;
    create: string;
    save: string;
    staleVersion: string;
    cancelledNotEditable: string;
    labels: Record<EventFormField, string>;
    questionLabels: Record<QuestionKey, string>;
    errors: {
      required: string;
      tooLong: (max: number) => string;
      range: (min: number, max: number) => string;
      wholeNumber: string;
      dateTime: string;
      endAfterStart: string;
      deadlineBeforeStart: string;
      seatLimit: string;
      capacityTaken: string;
      agendaLine: (line: number) => string;
      agendaTooLong: (max: number) => string;
      invalid: string;
    };
  };
  invite: {
    title: string;
    intro: (deadline: string) => string;
    audienceLegend: string;
    audiences: Record<AudienceChoice, string>;
    tags: string;
    tagsHint: string;
    types: string;
    contacts: string;
    noContacts: string;
    noOrganisation: string;
    message: string;
    introLabel: string;
    introHint: string;
    whenLegend: string;
    sendNow: string;
    sendLater: string;
    sendAt: string;
    preview: string;
    send: string;
    previewResult: (count: string) => string;
    previewUnsubscribed: (count: string) => string;
    errors: Record<InviteError, string>;
  };
  badges: {
    title: string;
    printHint: (count: number) => string;
    print: string;
    none: string;
    sheet: (n: number, of: number) => string;
  };
  /** What the error page says when a change is refused (the API says it in English). */
  refusals: {
    cancelledNotPublishable: string;
    notPublished: string;
    sendStarted: string;
    noTestAddress: string;
  };
}

const sv: MeetingsTexts = {
  title: 'Evenemang',
  intro:
    'Workshoppar, dialogluncher och frukostmöten: vem som kommer, vem som har tackat nej och vem som inte har svarat.',
  newEvent: 'Nytt evenemang',
  upcoming: 'Kommande',
  past: 'Genomförda',
  noUpcoming: 'Inga kommande evenemang.',
  noPast: 'Inga genomförda evenemang ännu.',
  backToList: 'Tillbaka till evenemangen',
  backToEvent: 'Tillbaka till evenemanget',
  yes: 'Ja',
  no: 'Nej',
  kinds: eventKindNames.sv,
  statuses: { draft: 'Utkast', published: 'Publicerat', cancelled: 'Inställt' },
  invitationStatuses: {
    invited: 'Inget svar',
    attending: 'Kommer',
    waitlisted: 'På väntelistan',
    declined: 'Kommer inte',
  },
  dietary: dietaryNames.sv,
  organisationTypes: {
    company: 'Företag',
    'business-association': 'Näringslivsorganisation',
    'public-partner': 'Offentlig aktör',
    education: 'Utbildning',
    other: 'Övrigt',
  },
  seatsOfCapacity: (seats, capacity) => `${seats} av ${capacity} platser`,
  columns: {
    event: 'Evenemang',
    when: 'När',
    status: 'Status',
    invited: 'Inbjudna',
    opened: 'Har öppnat',
    attending: 'Kommer',
    declined: 'Kommer inte',
    waitlisted: 'Väntelista',
    noAnswer: 'Inget svar',
    attended: 'Närvarade',
    attendingPeople: 'Kommer (personer)',
    waitlistedPeople: 'Väntelista (personer)',
    presentPeople: 'Närvarande (personer)',
    organisationType: 'Typ av organisation',
    organisation: 'Organisation',
    contact: 'Kontaktperson',
    email: 'E-post',
    names: 'Deltagare',
    seats: 'Platser',
    dietary: 'Specialkost',
    accessibility: 'Tillgänglighet',
    note: 'Meddelande',
  },
  facts: {
    when: 'När',
    where: 'Var',
    rsvpDeadline: 'Sista svarsdag',
    capacity: 'Platser',
    capacityText: (capacity, perOrganisation) =>
      `${capacity} platser, högst ${perOrganisation} per organisation`,
  },
  notices: {
    created: 'Evenemanget är skapat som utkast. Publicera det när det är klart att bjuda in till.',
    saved:
      'Ändringarna är sparade. Har tid, plats, rubrik eller program ändrats på ett publicerat evenemang får deltagarna och väntelistan ett meddelande.',
    published: 'Evenemanget är publicerat. Nu kan du bjuda in.',
    cancelled: 'Evenemanget är inställt. Deltagarna och väntelistan får ett meddelande.',
    invited: 'Inbjudningarna skickas nu.',
    scheduled: 'Inbjudningarna skickas vid den tid du valde.',
    attendance: 'Närvaron är sparad.',
    sendCancelled: 'Utskicket är avbrutet. Inget av det skickas.',
    reminded: 'Påminnelsen skickas nu till dem som inte har svarat.',
    messaged: 'Meddelandet skickas nu till deltagarna.',
  },
  actions: {
    edit: 'Ändra',
    duplicate: 'Kopiera till nytt evenemang',
    publish: 'Publicera',
    publishHint: 'Ett utkast syns inte utanför kommunen. Publicera det för att kunna bjuda in.',
    invite: 'Bjud in',
    exportCsv: 'Deltagarlista (CSV)',
    exportCsvSemicolon: 'Deltagarlista (CSV för Excel, semikolon)',
    badges: 'Namnbrickor',
    cancelHeading: 'Ställa in',
    cancel: 'Ställ in evenemanget …',
    cancelHintPublished:
      'Alla som har anmält sig eller står på väntelistan får ett meddelande om att evenemanget är inställt. Det går inte att ångra.',
    cancelHintDraft: 'Utkastet markeras som inställt. Ingen får något meddelande.',
    cancelMessage: 'Meddelande till deltagarna (valfritt)',
    cancelConfirm: 'Ställ in evenemanget',
  },
  live: {
    countersHeading: 'Svar',
    seats: (seats) => `${seats} platser`,
    byTypeHeading: 'Per typ av organisation',
    byTypeEmpty: 'Ingen är inbjuden ännu.',
    dietaryHeading: 'Till cateringen',
    dietaryLead: (seats) => `Beställ för ${seats} personer.`,
    dietaryCount: 'Personer',
    dietaryNone: 'Ingen har angett specialkost.',
    dietaryHint:
      'Specialkost räknas per person: en anmälan för två med vegetarisk kost räknas som två. Fritext om kost står under Behov och meddelanden.',
    answers: (answers) => `${answers} svar`,
    needsHeading: 'Behov och meddelanden',
    needsNone: 'Ingen har skrivit om tillgänglighet, kost eller något annat.',
    needsNoneOnPage: 'Inga behov eller meddelanden bland de inbjudna på den här sidan.',
    dietaryOther: 'Annan kost',
    invitationsHeading: 'Inbjudna och svar',
    noInvitations: 'Ingen är inbjuden ännu.',
    noMore: 'Inga fler inbjudna.',
    attendedToggle: 'Närvarade',
    pagerLabel: 'Bläddra bland inbjudna',
    firstPage: 'Till början',
    nextPage: 'Nästa sida',
  },
  form: {
    newTitle: 'Nytt evenemang',
    copyOf: (title) =>
      `En kopia av ”${title}”: allt utom datum och tider är ifyllt. Välj dem, spara och publicera. Inbjudningar och svar kopieras inte.`,
    editTitle: 'Ändra evenemang',
    publishedNote:
      'Evenemanget är publicerat: ändras tid, plats, rubrik eller program får alla som har anmält sig och väntelistan ett meddelande med den uppdaterade kalenderposten.',
    notSaved: 'Inget sparades',
    errorSummary: (count) => (count === 1 ? 'Ett fält behöver rättas' : `${count} fält behöver rättas`),
    errorPrefix: 'Fel:',
    basics: 'Om evenemanget',
    placeAndTime: 'Plats och tid',
    seats: 'Platser',
    agendaLegend: 'Dagens program',
    questions: 'Frågor i anmälan',
    questionsHint: 'Det som den som anmäler sig får fylla i.',
    reminders: 'Påminnelser',
    noProgramme: 'Inget program',
    languageHint: 'Språket i inbjudan och i mejlen om evenemanget.',
    timesHint: (timeZone) => `Tiderna gäller i kommunens tidszon (${timeZone}).`,
    seatLimitHint: 'Hur många platser en organisation högst kan boka.',
    formats: { 'in-person': 'På plats', online: 'Online', hybrid: 'På plats och online' },
    meetingUrlHint:
      'För online och på plats och online: en https-länk. Den visas bara för dem som har plats (svarssidan, bekräftelsen, påminnelsen och kalenderposten), aldrig i inbjudan.',
    agendaHint: 'En punkt per rad: tid och rubrik, till exempel ”11:30 Lunch”.',
    reminderDaysHint:
      'Påminn dem som inte har svarat så här många dagar före sista svarsdag. Lämna tomt för ingen påminnelse.',
    create: 'Skapa utkast',
    save: 'Spara ändringarna',
    staleVersion:
      'Någon annan har ändrat evenemanget medan du redigerade. Öppna det igen och gör om dina ändringar.',
    cancelledNotEditable: 'Ett inställt evenemang kan inte ändras.',
    labels: {
      kind: 'Typ',
      title: 'Rubrik',
      programmeId: 'Program',
      language: 'Språk',
      description: 'Beskrivning',
      placeName: 'Plats',
      placeAddress: 'Adress',
      format: 'Form',
      meetingUrl: 'Länk till mötet',
      start: 'Börjar',
      end: 'Slutar',
      rsvpDeadline: 'Sista svarsdag',
      capacity: 'Antal platser',
      seatLimitPerOrganisation: 'Platser per organisation',
      agenda: 'Programpunkter',
      reminderDays: 'Påminnelse om svar, dagar före sista svarsdag',
      reminderAttendees: 'Påminn deltagarna dagen före',
    },
    questionLabels: {
      headcount: 'Antal personer',
      names: 'Deltagarnas namn',
      dietary: 'Specialkost',
      accessibility: 'Behov av tillgänglighet',
      note: 'Meddelande till arrangören',
    },
    errors: {
      required: 'Fyll i fältet.',
      tooLong: (max) => `Högst ${max} tecken.`,
      range: (min, max) => `Ange ett heltal från ${min} till ${max}.`,
      wholeNumber: 'Ange ett heltal.',
      dateTime: 'Ange datum och tid, till exempel 2026-03-25 11:30.',
      endAfterStart: 'Slutet måste vara efter början.',
      deadlineBeforeStart: 'Sista svarsdag får inte vara efter början.',
      seatLimit: 'Får inte vara fler än antalet platser.',
      capacityTaken: 'Fler platser än så är redan bokade.',
      agendaLine: (line) => `Rad ${line}: skriv tid och rubrik, till exempel ”11:30 Lunch”.`,
      agendaTooLong: (max) => `Högst ${max} programpunkter.`,
      invalid: 'Värdet är inte giltigt.',
    },
  },
  invite: {
    title: 'Bjud in',
    intro: (deadline) =>
      `Alla som väljs får en inbjudan med en personlig svarslänk. Sista svarsdag: ${deadline}.`,
    audienceLegend: 'Vilka ska bjudas in?',
    audiences: {
      all: 'Alla kontakter',
      tags: 'Kontakter med vissa taggar',
      'organisation-types': 'Organisationer av vissa typer',
      contacts: 'Utvalda kontakter',
      segment: 'Ett sparat urval',
    },
    tags: 'Taggar',
    tagsHint: 'Skilj taggar åt med komma. Taggar på kontakten eller på dess organisation räknas.',
    types: 'Typer av organisation',
    contacts: 'Kontakter',
    noContacts: 'Det finns inga kontakter ännu.',
    noOrganisation: 'Utan organisation',
    message: 'Meddelande',
    introLabel: 'Inledande text (valfri)',
    introHint:
      'Visas före uppgifterna om evenemanget. Du kan använda markdown: **fetstil**, listor och länkar.',
    whenLegend: 'När ska inbjudan skickas?',
    sendNow: 'Nu',
    sendLater: 'Vid en viss tid',
    sendAt: 'Tid för utskicket',
    preview: 'Räkna mottagare',
    send: 'Skicka inbjudan',
    previewResult: (count) => `Urvalet når ${count} kontakter.`,
    previewUnsubscribed: (count) => `${count} av dem har avregistrerat sig och får ingen inbjudan.`,
    errors: {
      tagsRequired: 'Ange minst en tagg.',
      tooManyTags: 'Högst 20 taggar.',
      typesRequired: 'Välj minst en typ av organisation.',
      contactsRequired: 'Välj minst en kontakt.',
      tooManyContacts: 'Högst 5 000 kontakter åt gången.',
      introTooLong: 'Högst 5 000 tecken.',
      sendAtRequired: 'Ange när inbjudan ska skickas.',
      sendAtInvalid: 'Ange datum och tid, till exempel 2026-03-02 09:00.',
      sendAtPast: 'Tiden har redan passerat.',
      sendAtAfterDeadline: 'Inbjudan måste gå ut före sista svarsdag.',
      segmentRequired: 'Välj ett sparat urval.',
      segmentMissing: 'Det sparade urvalet finns inte längre. Välj ett annat.',
      segmentNameRequired: 'Ge urvalet ett namn.',
      segmentNameInvalid: 'Högst 80 tecken, på en rad.',
      segmentNotSavable: 'Välj taggar, typer av organisation eller kontakter att spara.',
    },
  },
  badges: {
    title: 'Namnbrickor',
    print: 'Skriv ut',
    printHint: (count) =>
      `${count} namnbrickor, åtta per A4-ark. Skriv ut med webbläsarens utskriftsfunktion (Ctrl+P eller ⌘P).`,
    none: 'Ingen har anmält sig ännu.',
    sheet: (n, of) => `Ark ${n} av ${of}`,
  },
  refusals: {
    cancelledNotPublishable: 'Ett inställt evenemang kan inte publiceras.',
    notPublished: 'Bara ett publicerat evenemang kan man bjuda in till. Publicera det först.',
    sendStarted: 'Utskicket har redan börjat gå iväg och kan inte avbrytas.',
    noTestAddress: 'Ditt konto har ingen e-postadress att skicka testet till.',
  },
};

const da: MeetingsTexts = {
  title: 'Arrangementer',
  intro:
    'Workshops, dialogfrokoster og morgenmøder: hvem der kommer, hvem der har meldt fra, og hvem der ikke har svaret.',
  newEvent: 'Nyt arrangement',
  upcoming: 'Kommende',
  past: 'Afholdte',
  noUpcoming: 'Ingen kommende arrangementer.',
  noPast: 'Ingen afholdte arrangementer endnu.',
  backToList: 'Tilbage til arrangementerne',
  backToEvent: 'Tilbage til arrangementet',
  yes: 'Ja',
  no: 'Nej',
  kinds: eventKindNames.da,
  statuses: { draft: 'Kladde', published: 'Offentliggjort', cancelled: 'Aflyst' },
  invitationStatuses: {
    invited: 'Intet svar',
    attending: 'Kommer',
    waitlisted: 'På ventelisten',
    declined: 'Kommer ikke',
  },
  dietary: dietaryNames.da,
  organisationTypes: {
    company: 'Virksomhed',
    'business-association': 'Erhvervsorganisation',
    'public-partner': 'Offentlig aktør',
    education: 'Uddannelse',
    other: 'Andet',
  },
  seatsOfCapacity: (seats, capacity) => `${seats} af ${capacity} pladser`,
  columns: {
    event: 'Arrangement',
    when: 'Hvornår',
    status: 'Status',
    invited: 'Inviterede',
    opened: 'Har åbnet',
    attending: 'Kommer',
    declined: 'Kommer ikke',
    waitlisted: 'Venteliste',
    noAnswer: 'Intet svar',
    attended: 'Mødte op',
    attendingPeople: 'Kommer (personer)',
    waitlistedPeople: 'Venteliste (personer)',
    presentPeople: 'Til stede (personer)',
    organisationType: 'Organisationstype',
    organisation: 'Organisation',
    contact: 'Kontaktperson',
    email: 'E-mail',
    names: 'Deltagere',
    seats: 'Pladser',
    dietary: 'Særlig kost',
    accessibility: 'Tilgængelighed',
    note: 'Besked',
  },
  facts: {
    when: 'Hvornår',
    where: 'Hvor',
    rsvpDeadline: 'Svarfrist',
    capacity: 'Pladser',
    capacityText: (capacity, perOrganisation) =>
      `${capacity} pladser, højst ${perOrganisation} pr. organisation`,
  },
  notices: {
    created: 'Arrangementet er oprettet som kladde. Offentliggør det, når det er klar til invitationer.',
    saved:
      'Ændringerne er gemt. Er tid, sted, overskrift eller program ændret på et offentliggjort arrangement, får deltagerne og ventelisten besked.',
    published: 'Arrangementet er offentliggjort. Nu kan du invitere.',
    cancelled: 'Arrangementet er aflyst. Deltagerne og ventelisten får besked.',
    invited: 'Invitationerne sendes nu.',
    scheduled: 'Invitationerne sendes på det valgte tidspunkt.',
    attendance: 'Fremmødet er gemt.',
    sendCancelled: 'Udsendelsen er annulleret. Intet af den sendes.',
    reminded: 'Påmindelsen sendes nu til dem, der ikke har svaret.',
    messaged: 'Beskeden sendes nu til deltagerne.',
  },
  actions: {
    edit: 'Redigér',
    duplicate: 'Kopiér til nyt arrangement',
    publish: 'Offentliggør',
    publishHint: 'En kladde er ikke synlig uden for kommunen. Offentliggør den for at kunne invitere.',
    invite: 'Invitér',
    exportCsv: 'Deltagerliste (CSV)',
    exportCsvSemicolon: 'Deltagerliste (CSV til Excel, semikolon)',
    badges: 'Navneskilte',
    cancelHeading: 'Aflysning',
    cancel: 'Aflys arrangementet …',
    cancelHintPublished:
      'Alle tilmeldte og alle på ventelisten får besked om, at arrangementet er aflyst. Det kan ikke fortrydes.',
    cancelHintDraft: 'Kladden markeres som aflyst. Ingen får besked.',
    cancelMessage: 'Besked til deltagerne (valgfri)',
    cancelConfirm: 'Aflys arrangementet',
  },
  live: {
    countersHeading: 'Svar',
    seats: (seats) => `${seats} pladser`,
    byTypeHeading: 'Pr. organisationstype',
    byTypeEmpty: 'Ingen er inviteret endnu.',
    dietaryHeading: 'Til cateringen',
    dietaryLead: (seats) => `Bestil til ${seats} personer.`,
    dietaryCount: 'Personer',
    dietaryNone: 'Ingen har angivet særlig kost.',
    dietaryHint:
      'Særlig kost tælles pr. person: en tilmelding for to med vegetarkost tæller som to. Fritekst om kost står under Behov og beskeder.',
    answers: (answers) => `${answers} svar`,
    needsHeading: 'Behov og beskeder',
    needsNone: 'Ingen har skrevet om tilgængelighed, kost eller andet.',
    needsNoneOnPage: 'Ingen behov eller beskeder blandt de inviterede på denne side.',
    dietaryOther: 'Anden kost',
    invitationsHeading: 'Inviterede og svar',
    noInvitations: 'Ingen er inviteret endnu.',
    noMore: 'Ikke flere inviterede.',
    attendedToggle: 'Mødte op',
    pagerLabel: 'Blad i de inviterede',
    firstPage: 'Til begyndelsen',
    nextPage: 'Næste side',
  },
  form: {
    newTitle: 'Nyt arrangement',
    copyOf: (title) =>
      `En kopi af ”${title}”: alt undtagen datoer og tidspunkter er udfyldt. Vælg dem, gem og offentliggør. Invitationer og svar kopieres ikke.`,
    editTitle: 'Redigér arrangement',
    publishedNote:
      'Arrangementet er offentliggjort: ændres tid, sted, overskrift eller program, får alle tilmeldte og ventelisten besked med den opdaterede kalenderpost.',
    notSaved: 'Intet blev gemt',
    errorSummary: (count) => (count === 1 ? 'Et felt skal rettes' : `${count} felter skal rettes`),
    errorPrefix: 'Fejl:',
    basics: 'Om arrangementet',
    placeAndTime: 'Sted og tid',
    seats: 'Pladser',
    agendaLegend: 'Dagens program',
    questions: 'Spørgsmål i tilmeldingen',
    questionsHint: 'Det, den tilmeldte skal udfylde.',
    reminders: 'Påmindelser',
    noProgramme: 'Intet program',
    languageHint: 'Sproget i invitationen og i mails om arrangementet.',
    timesHint: (timeZone) => `Tiderne gælder i kommunens tidszone (${timeZone}).`,
    seatLimitHint: 'Hvor mange pladser en organisation højst kan booke.',
    formats: { 'in-person': 'Fysisk', online: 'Online', hybrid: 'Fysisk og online' },
    meetingUrlHint:
      'For online og fysisk og online: et https-link. Det vises kun for dem, der har plads (svarsiden, bekræftelsen, påmindelsen og kalenderposten), aldrig i invitationen.',
    agendaHint: 'Ét punkt pr. linje: tid og overskrift, for eksempel “11:30 Frokost”.',
    reminderDaysHint:
      'Mind dem, der ikke har svaret, så mange dage før svarfristen. Lad feltet stå tomt for ingen påmindelse.',
    create: 'Opret kladde',
    save: 'Gem ændringerne',
    staleVersion:
      'En anden har ændret arrangementet, mens du redigerede. Åbn det igen, og lav dine ændringer forfra.',
    cancelledNotEditable: 'Et aflyst arrangement kan ikke ændres.',
    labels: {
      kind: 'Type',
      title: 'Overskrift',
      programmeId: 'Program',
      language: 'Sprog',
      description: 'Beskrivelse',
      placeName: 'Sted',
      placeAddress: 'Adresse',
      format: 'Form',
      meetingUrl: 'Link til mødet',
      start: 'Starter',
      end: 'Slutter',
      rsvpDeadline: 'Svarfrist',
      capacity: 'Antal pladser',
      seatLimitPerOrganisation: 'Pladser pr. organisation',
      agenda: 'Programpunkter',
      reminderDays: 'Påmindelse om svar, dage før svarfristen',
      reminderAttendees: 'Mind deltagerne dagen før',
    },
    questionLabels: {
      headcount: 'Antal personer',
      names: 'Deltagernes navne',
      dietary: 'Særlig kost',
      accessibility: 'Behov for tilgængelighed',
      note: 'Besked til arrangøren',
    },
    errors: {
      required: 'Udfyld feltet.',
      tooLong: (max) => `Højst ${max} tegn.`,
      range: (min, max) => `Angiv et heltal fra ${min} til ${max}.`,
      wholeNumber: 'Angiv et heltal.',
      dateTime: 'Angiv dato og tid, for eksempel 2026-03-25 11:30.',
      endAfterStart: 'Slut skal være efter start.',
      deadlineBeforeStart: 'Svarfristen må ikke være efter start.',
      seatLimit: 'Må ikke være flere end antallet af pladser.',
      capacityTaken: 'Flere pladser end det er allerede booket.',
      agendaLine: (line) => `Linje ${line}: skriv tid og overskrift, for eksempel “11:30 Frokost”.`,
      agendaTooLong: (max) => `Højst ${max} programpunkter.`,
      invalid: 'Værdien er ikke gyldig.',
    },
  },
  invite: {
    title: 'Invitér',
    intro: (deadline) => `Alle valgte får en invitation med et personligt svarlink. Svarfrist: ${deadline}.`,
    audienceLegend: 'Hvem skal inviteres?',
    audiences: {
      all: 'Alle kontakter',
      tags: 'Kontakter med bestemte tags',
      'organisation-types': 'Organisationer af bestemte typer',
      contacts: 'Udvalgte kontakter',
      segment: 'Et gemt udvalg',
    },
    tags: 'Tags',
    tagsHint: 'Adskil tags med komma. Tags på kontakten eller på dens organisation tæller.',
    types: 'Organisationstyper',
    contacts: 'Kontakter',
    noContacts: 'Der er ingen kontakter endnu.',
    noOrganisation: 'Uden organisation',
    message: 'Besked',
    introLabel: 'Indledende tekst (valgfri)',
    introHint: 'Vises før oplysningerne om arrangementet. Du kan bruge markdown: **fed**, lister og links.',
    whenLegend: 'Hvornår skal invitationen sendes?',
    sendNow: 'Nu',
    sendLater: 'På et bestemt tidspunkt',
    sendAt: 'Tidspunkt for udsendelsen',
    preview: 'Tæl modtagere',
    send: 'Send invitationen',
    previewResult: (count) => `Udvalget når ${count} kontakter.`,
    previewUnsubscribed: (count) => `${count} af dem har afmeldt sig og får ingen invitation.`,
    errors: {
      tagsRequired: 'Angiv mindst ét tag.',
      tooManyTags: 'Højst 20 tags.',
      typesRequired: 'Vælg mindst én organisationstype.',
      contactsRequired: 'Vælg mindst én kontakt.',
      tooManyContacts: 'Højst 5.000 kontakter ad gangen.',
      introTooLong: 'Højst 5.000 tegn.',
      sendAtRequired: 'Angiv, hvornår invitationen skal sendes.',
      sendAtInvalid: 'Angiv dato og tid, for eksempel 2026-03-02 09:00.',
      sendAtPast: 'Tidspunktet er allerede passeret.',
      sendAtAfterDeadline: 'Invitationen skal sendes før svarfristen.',
      segmentRequired: 'Vælg et gemt udvalg.',
      segmentMissing: 'Det gemte udvalg findes ikke længere. Vælg et andet.',
      segmentNameRequired: 'Giv udvalget et navn.',
      segmentNameInvalid: 'Højst 80 tegn, på én linje.',
      segmentNotSavable: 'Vælg tags, organisationstyper eller kontakter at gemme.',
    },
  },
  badges: {
    title: 'Navneskilte',
    print: 'Udskriv',
    printHint: (count) =>
      `${count} navneskilte, otte pr. A4-ark. Udskriv med browserens udskriftsfunktion (Ctrl+P eller ⌘P).`,
    none: 'Ingen har tilmeldt sig endnu.',
    sheet: (n, of) => `Ark ${n} af ${of}`,
  },
  refusals: {
    cancelledNotPublishable: 'Et aflyst arrangement kan ikke offentliggøres.',
    notPublished: 'Der kan kun inviteres til et offentliggjort arrangement. Offentliggør det først.',
    sendStarted: 'Udsendelsen er allerede i gang og kan ikke annulleres.',
    noTestAddress: 'Din konto har ingen e-mailadresse at sende testen til.',
  },
};

const en: MeetingsTexts = {
  title: 'Events',
  intro:
    'Workshops, dialogue lunches and breakfast meetings: who is coming, who declined and who has not answered.',
  newEvent: 'New event',
  upcoming: 'Upcoming',
  past: 'Past',
  noUpcoming: 'No upcoming events.',
  noPast: 'No past events yet.',
  backToList: 'Back to the events',
  backToEvent: 'Back to the event',
  yes: 'Yes',
  no: 'No',
  kinds: eventKindNames.en,
  statuses: { draft: 'Draft', published: 'Published', cancelled: 'Cancelled' },
  invitationStatuses: {
    invited: 'No answer',
    attending: 'Attending',
    waitlisted: 'On the waitlist',
    declined: 'Declined',
  },
  dietary: dietaryNames.en,
  organisationTypes: {
    company: 'Company',
    'business-association': 'Business association',
    'public-partner': 'Public partner',
    education: 'Education',
    other: 'Other',
  },
  seatsOfCapacity: (seats, capacity) => `${seats} of ${capacity} seats`,
  columns: {
    event: 'Event',
    when: 'When',
    status: 'Status',
    invited: 'Invited',
    opened: 'Opened',
    attending: 'Attending',
    declined: 'Declined',
    waitlisted: 'Waitlist',
    noAnswer: 'No answer',
    attended: 'Attended',
    attendingPeople: 'Attending (people)',
    waitlistedPeople: 'Waitlist (people)',
    presentPeople: 'Present (people)',
    organisationType: 'Organisation type',
    organisation: 'Organisation',
    contact: 'Contact person',
    email: 'Email',
    names: 'Participants',
    seats: 'Seats',
    dietary: 'Dietary needs',
    accessibility: 'Accessibility',
    note: 'Note',
  },
  facts: {
    when: 'When',
    where: 'Where',
    rsvpDeadline: 'Reply by',
    capacity: 'Seats',
    capacityText: (capacity, perOrganisation) =>
      `${capacity} seats, at most ${perOrganisation} per organisation`,
  },
  notices: {
    created: 'The event was created as a draft. Publish it when it is ready for invitations.',
    saved:
      'The changes are saved. If the time, place, title or agenda of a published event changed, attendees and the waitlist are told.',
    published: 'The event is published. You can now invite.',
    cancelled: 'The event is cancelled. Attendees and the waitlist are told.',
    invited: 'The invitations are being sent.',
    scheduled: 'The invitations will be sent at the time you chose.',
    attendance: 'Attendance saved.',
    sendCancelled: 'The send is cancelled. None of it goes out.',
    reminded: 'The reminder is going out to those who have not answered.',
    messaged: 'The message is going out to the attendees.',
  },
  actions: {
    edit: 'Edit',
    duplicate: 'Copy to a new event',
    publish: 'Publish',
    publishHint: 'A draft is not visible outside the municipality. Publish it to be able to invite.',
    invite: 'Invite',
    exportCsv: 'Attendee list (CSV)',
    exportCsvSemicolon: 'Attendee list (CSV for Excel, semicolons)',
    badges: 'Name badges',
    cancelHeading: 'Cancelling',
    cancel: 'Cancel the event …',
    cancelHintPublished:
      'Everyone who signed up or is on the waitlist is told that the event is cancelled. This cannot be undone.',
    cancelHintDraft: 'The draft is marked as cancelled. No one is told.',
    cancelMessage: 'Message to attendees (optional)',
    cancelConfirm: 'Cancel the event',
  },
  live: {
    countersHeading: 'Answers',
    seats: (seats) => `${seats} seats`,
    byTypeHeading: 'By organisation type',
    byTypeEmpty: 'No one has been invited yet.',
    dietaryHeading: 'For the caterer',
    dietaryLead: (seats) => `Order for ${seats} people.`,
    dietaryCount: 'People',
    dietaryNone: 'No one has stated dietary needs.',
    dietaryHint:
      'Dietary needs are counted per person: a sign-up for two with vegetarian food counts as two. Free-text notes on food are under Needs and notes.',
    answers: (answers) => `${answers} answers`,
    needsHeading: 'Needs and notes',
    needsNone: 'No one has written about accessibility, food or anything else.',
    needsNoneOnPage: 'No needs or notes among the invitations on this page.',
    dietaryOther: 'Other food',
    invitationsHeading: 'Invitations and answers',
    noInvitations: 'No one has been invited yet.',
    noMore: 'No more invitations.',
    attendedToggle: 'Attended',
    pagerLabel: 'Browse the invitations',
    firstPage: 'Back to the start',
    nextPage: 'Next page',
  },
  form: {
    newTitle: 'New event',
    copyOf: (title) =>
      `A copy of “${title}”: everything but the dates and times is filled in. Choose them, save and publish. Invitations and answers are not copied.`,
    editTitle: 'Edit event',
    publishedNote:
      'The event is published: if its time, place, title or agenda changes, everyone who signed up and the waitlist get a message with the updated calendar entry.',
    notSaved: 'Nothing was saved',
    errorSummary: (count) => (count === 1 ? 'One field needs correcting' : `${count} fields need correcting`),
    errorPrefix: 'Error:',
    basics: 'About the event',
    placeAndTime: 'Place and time',
    seats: 'Seats',
    agendaLegend: 'Agenda',
    questions: 'Questions on the reply form',
    questionsHint: 'What people signing up are asked.',
    reminders: 'Reminders',
    noProgramme: 'No programme',
    languageHint: 'The language of the invitation and of the mails about the event.',
    timesHint: (timeZone) => `Times are in the municipality's time zone (${timeZone}).`,
    seatLimitHint: 'The most seats one organisation can book.',
    formats: { 'in-person': 'In person', online: 'Online', hybrid: 'In person and online' },
    meetingUrlHint:
      'For online and hybrid events: an https link. Only those with a seat see it (the reply page, the confirmation, the reminder and the calendar entry), never the invitation.',
    agendaHint: 'One item per line: time and title, for example “11:30 Lunch”.',
    reminderDaysHint:
      'Remind those who have not answered this many days before the reply deadline. Leave empty for no reminder.',
    create: 'Create draft',
    save: 'Save the changes',
    staleVersion:
      'Someone else changed the event while you were editing. Open it again and redo your changes.',
    cancelledNotEditable: 'A cancelled event cannot be changed.',
    labels: {
      kind: 'Kind',
      title: 'Title',
      programmeId: 'Programme',
      language: 'Language',
      description: 'Description',
      placeName: 'Place',
      placeAddress: 'Address',
      format: 'Format',
      meetingUrl: 'Meeting link',
      start: 'Starts',
      end: 'Ends',
      rsvpDeadline: 'Reply deadline',
      capacity: 'Number of seats',
      seatLimitPerOrganisation: 'Seats per organisation',
      agenda: 'Agenda items',
      reminderDays: 'Reminder to answer, days before the deadline',
      reminderAttendees: 'Remind attendees the day before',
    },
    questionLabels: {
      headcount: 'Number of people',
      names: 'Participants’ names',
      dietary: 'Dietary needs',
      accessibility: 'Accessibility needs',
      note: 'A note to the organiser',
    },
    errors: {
      required: 'Fill in this field.',
      tooLong: (max) => `At most ${max} characters.`,
      range: (min, max) => `Enter a whole number from ${min} to ${max}.`,
      wholeNumber: 'Enter a whole number.',
      dateTime: 'Enter a date and time, for example 2026-03-25 11:30.',
      endAfterStart: 'The end must be after the start.',
      deadlineBeforeStart: 'The reply deadline may not be after the start.',
      seatLimit: 'May not be more than the number of seats.',
      capacityTaken: 'More seats than that are already booked.',
      agendaLine: (line) => `Line ${line}: write a time and a title, for example “11:30 Lunch”.`,
      agendaTooLong: (max) => `At most ${max} agenda items.`,
      invalid: 'This value is not valid.',
    },
  },
  invite: {
    title: 'Invite',
    intro: (deadline) =>
      `Everyone selected gets an invitation with a personal reply link. Reply deadline: ${deadline}.`,
    audienceLegend: 'Who should be invited?',
    audiences: {
      all: 'All contacts',
      tags: 'Contacts with certain tags',
      'organisation-types': 'Organisations of certain types',
      contacts: 'Hand-picked contacts',
      segment: 'A saved segment',
    },
    tags: 'Tags',
    tagsHint: 'Separate tags with commas. Tags on the contact or on its organisation count.',
    types: 'Organisation types',
    contacts: 'Contacts',
    noContacts: 'There are no contacts yet.',
    noOrganisation: 'No organisation',
    message: 'Message',
    introLabel: 'Introduction (optional)',
    introHint: 'Shown before the event details. You can use markdown: **bold**, lists and links.',
    whenLegend: 'When should the invitation go out?',
    sendNow: 'Now',
    sendLater: 'At a set time',
    sendAt: 'Time to send',
    preview: 'Count recipients',
    send: 'Send the invitation',
    previewResult: (count) => `This selection reaches ${count} contacts.`,
    previewUnsubscribed: (count) => `${count} of them unsubscribed and will not be invited.`,
    errors: {
      tagsRequired: 'Enter at least one tag.',
      tooManyTags: 'At most 20 tags.',
      typesRequired: 'Choose at least one organisation type.',
      contactsRequired: 'Choose at least one contact.',
      tooManyContacts: 'At most 5,000 contacts at a time.',
      introTooLong: 'At most 5,000 characters.',
      sendAtRequired: 'Enter when the invitation should go out.',
      sendAtInvalid: 'Enter a date and time, for example 2026-03-02 09:00.',
      sendAtPast: 'That time has already passed.',
      sendAtAfterDeadline: 'The invitation must go out before the reply deadline.',
      segmentRequired: 'Choose a saved segment.',
      segmentMissing: 'That saved segment no longer exists. Choose another.',
      segmentNameRequired: 'Give the segment a name.',
      segmentNameInvalid: 'At most 80 characters, on one line.',
      segmentNotSavable: 'Choose tags, organisation types or contacts to save.',
    },
  },
  badges: {
    title: 'Name badges',
    print: 'Print',
    printHint: (count) =>
      `${count} name badges, eight per A4 sheet. Print with your browser’s print command (Ctrl+P or ⌘P).`,
    none: 'No one has signed up yet.',
    sheet: (n, of) => `Sheet ${n} of ${of}`,
  },
  refusals: {
    cancelledNotPublishable: 'A cancelled event cannot be published.',
    notPublished: 'Only a published event can be invited to. Publish it first.',
    sendStarted: 'The send has already begun and cannot be cancelled.',
    noTestAddress: 'Your account has no email address to send the test to.',
  },
};

export const meetingsMessages: TextTable<MeetingsTexts> = { sv, da, en };

export const meetingsTexts: (language: Language) => MeetingsTexts = textsOf(meetingsMessages);
