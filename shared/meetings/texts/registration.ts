import type { Language } from '../../platform/texts/language.js';

/**
 * Texts of open registration: the console's toggle, the public event page and its form, the
 * confirmation page and mail. One interface: a gap is a type error.
 */
export interface RegistrationTexts {
  console: {
    toggle: string;
    toggleHint: string;
    publicLink: string;
    publicLinkHint: string;
    /** Beside a name in the invitations: this one came through the public page. */
    registeredTag: string;
  };
  page: {
    heading: string;
    lead: string;
    seatsLeft: (seats: number) => string;
    full: string;
    name: string;
    email: string;
    emailHint: string;
    organisation: string;
    optional: string;
    /** The consent line: the lawful basis and the data kept, as shown (and recorded) with the contact. */
    consent: (tenantName: string) => string;
    /** The honeypot's label (hidden from people; a robot fills it in). */
    website: string;
    submit: string;
    fixErrors: string;
    sent: string;
    sentDetail: string;
    notFound: string;
    notFoundDetail: string;
  };
  errors: {
    required: (label: string) => string;
    invalidEmail: (label: string) => string;
    singleLine: (label: string) => string;
    tooLong: (label: string, max: number) => string;
  };
  confirm: {
    heading: string;
    lead: (title: string) => string;
    button: string;
    closed: string;
  };
  mail: {
    subject: (title: string) => string;
    intro: (title: string) => string;
    button: string;
    expiry: string;
  };
}

const sv: RegistrationTexts = {
  console: {
    toggle: 'Öppen anmälan',
    toggleHint:
      'En publik sida där den som inte har fått någon inbjudan kan anmäla sig. Anmälan bekräftas via e-post innan platsen tas.',
    publicLink: 'Publik sida för anmälan',
    publicLinkHint: 'Kopiera länken och dela den, till exempel på webben eller i sociala medier.',
    registeredTag: 'anmäld via den publika sidan',
  },
  page: {
    heading: 'Anmäl dig',
    lead: 'Vi skickar en länk till din e-post. Platsen är din först när du har bekräftat.',
    seatsLeft: (seats) => (seats === 1 ? '1 plats kvar' : `${seats} platser kvar`),
    full: 'Fullbokat: anmäl dig så hamnar du på väntelistan.',
    name: 'Namn',
    email: 'E-post',
    emailHint: 'Hit skickar vi länken för att bekräfta.',
    organisation: 'Organisation',
    optional: '(frivilligt)',
    consent: (tenant) =>
      `När du anmäler dig sparar ${tenant} ditt namn, din e-postadress, organisation och dina svar för att hantera din anmälan och kontakta dig om evenemanget. Rättslig grund: ditt samtycke (GDPR art. 6.1 a). Du kan när som helst ta tillbaka det och be ${tenant} radera uppgifterna. En anmälan som inte bekräftas raderas efter 48 timmar.`,
    website: 'Lämna det här fältet tomt',
    submit: 'Anmäl mig',
    fixErrors: 'Något behöver rättas innan anmälan kan skickas.',
    sent: 'Titta i din inkorg',
    sentDetail:
      'Om adressen stämmer får du strax ett mejl med en länk. Öppna den och bekräfta: först då är platsen din. Länken gäller i 48 timmar.',
    notFound: 'Sidan finns inte',
    notFoundDetail: 'Evenemanget finns inte eller tar inte emot anmälningar här.',
  },
  errors: {
    required: (label) => `${label}: fyll i fältet.`,
    invalidEmail: (label) => `${label}: skriv en giltig e-postadress.`,
    singleLine: (label) => `${label}: en rad, utan radbrytningar.`,
    tooLong: (label, max) => `${label}: högst ${max} tecken.`,
  },
  confirm: {
    heading: 'Bekräfta din anmälan',
    lead: (title) => `Bekräfta att du vill anmäla dig till ${title}.`,
    button: 'Bekräfta anmälan',
    closed: 'Anmälan är stängd för det här evenemanget.',
  },
  mail: {
    subject: (title) => `Bekräfta din anmälan: ${title}`,
    intro: (title) =>
      `Tack för din anmälan till ${title}. Bekräfta den med knappen nedan: först då är platsen din.`,
    button: 'Bekräfta anmälan',
    expiry: 'Länken gäller i 48 timmar. Har du inte anmält dig kan du bortse från det här mejlet.',
  },
};

const da: RegistrationTexts = {
  console: {
    toggle: 'Åben tilmelding',
    toggleHint:
      'En offentlig side, hvor den, der ikke har fået en invitation, kan tilmelde sig. Tilmeldingen bekræftes via e-mail, før pladsen tages.',
    publicLink: 'Offentlig side for tilmelding',
    publicLinkHint: 'Kopiér linket og del det, for eksempel på nettet eller i sociale medier.',
    registeredTag: 'tilmeldt via den offentlige side',
  },
  page: {
    heading: 'Tilmeld dig',
    lead: 'Vi sender et link til din e-mail. Pladsen er først din, når du har bekræftet.',
    seatsLeft: (seats) => (seats === 1 ? '1 plads tilbage' : `${seats} pladser tilbage`),
    full: 'Fuldt booket: tilmeld dig, så kommer du på ventelisten.',
    name: 'Navn',
    email: 'E-mail',
    emailHint: 'Hertil sender vi linket til bekræftelse.',
    organisation: 'Organisation',
    optional: '(frivilligt)',
    consent: (tenant) =>
      `Når du tilmelder dig, gemmer ${tenant} dit navn, din e-mailadresse, organisation og dine svar for at håndtere din tilmelding og kontakte dig om arrangementet. Retsgrundlag: dit samtykke (GDPR art. 6, stk. 1, litra a). Du kan til enhver tid trække det tilbage og bede ${tenant} om at slette oplysningerne. En tilmelding, der ikke bekræftes, slettes efter 48 timer.`,
    website: 'Lad dette felt være tomt',
    submit: 'Tilmeld mig',
    fixErrors: 'Noget skal rettes, før tilmeldingen kan sendes.',
    sent: 'Se i din indbakke',
    sentDetail:
      'Hvis adressen er rigtig, får du snart en e-mail med et link. Åbn det og bekræft: først da er pladsen din. Linket gælder i 48 timer.',
    notFound: 'Siden findes ikke',
    notFoundDetail: 'Arrangementet findes ikke eller tager ikke imod tilmeldinger her.',
  },
  errors: {
    required: (label) => `${label}: udfyld feltet.`,
    invalidEmail: (label) => `${label}: skriv en gyldig e-mailadresse.`,
    singleLine: (label) => `${label}: én linje, uden linjeskift.`,
    tooLong: (label, max) => `${label}: højst ${max} tegn.`,
  },
  confirm: {
    heading: 'Bekræft din tilmelding',
    lead: (title) => `Bekræft, at du vil tilmelde dig ${title}.`,
    button: 'Bekræft tilmelding',
    closed: 'Tilmeldingen er lukket for dette arrangement.',
  },
  mail: {
    subject: (title) => `Bekræft din tilmelding: ${title}`,
    intro: (title) =>
      `Tak for din tilmelding til ${title}. Bekræft den med knappen herunder: først da er pladsen din.`,
    button: 'Bekræft tilmelding',
    expiry: 'Linket gælder i 48 timer. Har du ikke tilmeldt dig, kan du se bort fra denne e-mail.',
  },
};

const en: RegistrationTexts = {
  console: {
    toggle: 'Open registration',
    toggleHint:
      'A public page where people who were not invited can register. A registration is confirmed by email before the seat is taken.',
    publicLink: 'Public registration page',
    publicLinkHint: 'Copy the link and share it, for example on the web or in social media.',
    registeredTag: 'registered on the public page',
  },
  page: {
    heading: 'Register',
    lead: 'We will email you a link. The seat is yours once you have confirmed.',
    seatsLeft: (seats) => (seats === 1 ? '1 seat left' : `${seats} seats left`),
    full: 'Fully booked: register to join the waitlist.',
    name: 'Name',
    email: 'Email',
    emailHint: 'We send the confirmation link here.',
    organisation: 'Organisation',
    optional: '(optional)',
    consent: (tenant) =>
      `When you register, ${tenant} keeps your name, email address, organisation and answers to handle your registration and contact you about the event. Lawful basis: your consent (GDPR Art. 6(1)(a)). You can withdraw it at any time and ask ${tenant} to erase the data. A registration that is not confirmed is deleted after 48 hours.`,
    website: 'Leave this field empty',
    submit: 'Register',
    fixErrors: 'Something needs correcting before the registration can be sent.',
    sent: 'Check your inbox',
    sentDetail:
      'If the address is right, you will shortly get an email with a link. Open it and confirm: only then is the seat yours. The link is valid for 48 hours.',
    notFound: 'Page not found',
    notFoundDetail: 'The event does not exist or does not take registrations here.',
  },
  errors: {
    required: (label) => `${label}: please fill in this field.`,
    invalidEmail: (label) => `${label}: please enter a valid email address.`,
    singleLine: (label) => `${label}: one line, without line breaks.`,
    tooLong: (label, max) => `${label}: at most ${max} characters.`,
  },
  confirm: {
    heading: 'Confirm your registration',
    lead: (title) => `Confirm that you want to register for ${title}.`,
    button: 'Confirm registration',
    closed: 'Registration is closed for this event.',
  },
  mail: {
    subject: (title) => `Confirm your registration: ${title}`,
    intro: (title) =>
      `Thank you for registering for ${title}. Confirm it with the button below: only then is the seat yours.`,
    button: 'Confirm registration',
    expiry: 'The link is valid for 48 hours. If you did not register, you can ignore this email.',
  },
};

export const registrationTexts: Record<Language, RegistrationTexts> = { sv, da, en };
