import type { Language } from '../platform/texts/language.js';

/** Words of the address book: search, paging, and the forms that add, edit and delete. */
export interface AddressBookTexts {
  searchLabel: string;
  searchHint: string;
  tagLabel: string;
  search: string;
  clear: string;
  showing: (from: string, to: string, total: string) => string;
  pagination: string;
  nextPage: string;
  firstPage: string;
  newContact: string;
  newOrganisation: string;
  edit: string;
  contactTitle: { create: string; edit: string };
  organisationTitle: { create: string; edit: string };
  fields: {
    name: string;
    email: string;
    role: string;
    language: string;
    organisation: string;
    noOrganisation: string;
    tags: string;
    tagsHint: string;
    lawfulBasis: string;
    keepBasis: (current: string) => string;
    organisationNumber: string;
    organisationNumberHint: string;
    country: string;
    industry: string;
    area: string;
    areaHint: string;
    size: string;
    noSize: string;
    type: string;
  };
  save: string;
  cancel: string;
  fixErrors: string;
  saved: string;
  deleted: string;
  readOnly: string;
  deleteHeading: string;
  deleteContactHelp: string;
  deleteOrganisationHelp: string;
  deleteContact: string;
  deleteOrganisation: string;
  adminsDelete: string;
  emailTaken: string;
  numberTaken: string;
  hasContacts: string;
  changedMeanwhile: string;
  noSuchOrganisation: string;
}

const sv: AddressBookTexts = {
  searchLabel: 'Sök',
  searchHint: 'Namn, e-post, organisation, roll eller tagg – alla ord måste finnas.',
  tagLabel: 'Tagg',
  search: 'Sök',
  clear: 'Visa alla',
  showing: (from, to, total) => `Visar ${from}–${to} av ${total}`,
  pagination: 'Sidor',
  nextPage: 'Nästa sida',
  firstPage: 'Första sidan',
  newContact: 'Ny kontakt',
  newOrganisation: 'Ny organisation',
  edit: 'Ändra',
  contactTitle: { create: 'Ny kontakt', edit: 'Kontakt' },
  organisationTitle: { create: 'Ny organisation', edit: 'Ändra organisation' },
  fields: {
    name: 'Namn',
    email: 'E-post',
    role: 'Roll',
    language: 'Språk för utskick',
    organisation: 'Organisation',
    noOrganisation: 'Ingen organisation',
    tags: 'Taggar',
    tagsHint: 'Skilj taggar åt med kommatecken.',
    lawfulBasis: 'Rättslig grund (GDPR art. 6)',
    keepBasis: (current) => `Behåll nuvarande: ${current}`,
    organisationNumber: 'Organisationsnummer',
    organisationNumberHint: 'Svenskt (556012-5790) eller danskt CVR-nummer (8 siffror).',
    country: 'Land',
    industry: 'Bransch',
    area: 'Ort eller kommundel',
    areaHint: 'Till exempel Tyringe eller Vittsjö: visar var i kommunen programmet har nått ut.',
    size: 'Storlek',
    noSize: 'Okänd',
    type: 'Typ',
  },
  save: 'Spara',
  cancel: 'Avbryt',
  fixErrors: 'Rätta det här först',
  saved: 'Sparat.',
  deleted: 'Borttaget.',
  readOnly: 'Du kan läsa men inte ändra (rollen läsare).',
  deleteHeading: 'Ta bort',
  deleteContactHelp:
    'Kontakten tas bort ur adressboken och kan inte få fler utskick. Svar och utskick som redan skett finns kvar.',
  deleteOrganisationHelp: 'En organisation kan tas bort när den inte har några kontakter.',
  deleteContact: 'Ta bort kontakten',
  deleteOrganisation: 'Ta bort organisationen',
  adminsDelete: 'Bara administratörer kan ta bort.',
  emailTaken: 'En annan kontakt har redan den e-postadressen.',
  numberTaken: 'En annan organisation har redan det organisationsnumret.',
  hasContacts: 'Organisationen har kontakter. Ta bort dem eller flytta dem till en annan organisation först.',
  changedMeanwhile: 'Någon annan ändrade samtidigt. Läs in sidan igen och gör om ändringen.',
  noSuchOrganisation: 'Organisationen finns inte längre. Välj en annan.',
};

const da: AddressBookTexts = {
  searchLabel: 'Søg',
  searchHint: 'Navn, e-mail, organisation, rolle eller tag – alle ord skal findes.',
  tagLabel: 'Tag',
  search: 'Søg',
  clear: 'Vis alle',
  showing: (from, to, total) => `Viser ${from}–${to} af ${total}`,
  pagination: 'Sider',
  nextPage: 'Næste side',
  firstPage: 'Første side',
  newContact: 'Ny kontakt',
  newOrganisation: 'Ny organisation',
  edit: 'Ret',
  contactTitle: { create: 'Ny kontakt', edit: 'Kontakt' },
  organisationTitle: { create: 'Ny organisation', edit: 'Ret organisation' },
  fields: {
    name: 'Navn',
    email: 'E-mail',
    role: 'Rolle',
    language: 'Sprog i udsendelser',
    organisation: 'Organisation',
    noOrganisation: 'Ingen organisation',
    tags: 'Tags',
    tagsHint: 'Adskil tags med komma.',
    lawfulBasis: 'Retsgrundlag (GDPR art. 6)',
    keepBasis: (current) => `Behold det nuværende: ${current}`,
    organisationNumber: 'CVR- eller organisationsnummer',
    organisationNumberHint: 'Dansk CVR-nummer (8 cifre) eller svensk organisationsnummer (556012-5790).',
    country: 'Land',
    industry: 'Branche',
    area: 'By eller bydel',
    areaHint: 'For eksempel Espergærde eller Hornbæk: viser, hvor i kommunen programmet har nået ud.',
    size: 'Størrelse',
    noSize: 'Ukendt',
    type: 'Type',
  },
  save: 'Gem',
  cancel: 'Annullér',
  fixErrors: 'Ret dette først',
  saved: 'Gemt.',
  deleted: 'Slettet.',
  readOnly: 'Du kan læse, men ikke ændre (rollen læser).',
  deleteHeading: 'Slet',
  deleteContactHelp:
    'Kontakten slettes fra adressebogen og kan ikke få flere udsendelser. Svar og udsendelser, der allerede er sket, bevares.',
  deleteOrganisationHelp: 'En organisation kan slettes, når den ikke har nogen kontakter.',
  deleteContact: 'Slet kontakten',
  deleteOrganisation: 'Slet organisationen',
  adminsDelete: 'Kun administratorer kan slette.',
  emailTaken: 'En anden kontakt har allerede den e-mailadresse.',
  numberTaken: 'En anden organisation har allerede det nummer.',
  hasContacts: 'Organisationen har kontakter. Slet dem, eller flyt dem til en anden organisation først.',
  changedMeanwhile: 'En anden ændrede samtidig. Genindlæs siden, og foretag ændringen igen.',
  noSuchOrganisation: 'Organisationen findes ikke længere. Vælg en anden.',
};

const en: AddressBookTexts = {
  searchLabel: 'Search',
  searchHint: 'Name, email, organisation, role or tag – every word must match.',
  tagLabel: 'Tag',
  search: 'Search',
  clear: 'Show all',
  showing: (from, to, total) => `Showing ${from}–${to} of ${total}`,
  pagination: 'Pages',
  nextPage: 'Next page',
  firstPage: 'First page',
  newContact: 'New contact',
  newOrganisation: 'New organisation',
  edit: 'Edit',
  contactTitle: { create: 'New contact', edit: 'Contact' },
  organisationTitle: { create: 'New organisation', edit: 'Edit organisation' },
  fields: {
    name: 'Name',
    email: 'Email',
    role: 'Role',
    language: 'Language of mailings',
    organisation: 'Organisation',
    noOrganisation: 'No organisation',
    tags: 'Tags',
    tagsHint: 'Separate tags with commas.',
    lawfulBasis: 'Lawful basis (GDPR Art. 6)',
    keepBasis: (current) => `Keep the current one: ${current}`,
    organisationNumber: 'Organisation number',
    organisationNumberHint: 'Swedish (556012-5790) or Danish CVR number (8 digits).',
    country: 'Country',
    industry: 'Industry',
    area: 'Town or district',
    areaHint: 'Where in the municipality: shows where the programme has reached.',
    size: 'Size',
    noSize: 'Unknown',
    type: 'Type',
  },
  save: 'Save',
  cancel: 'Cancel',
  fixErrors: 'Fix this first',
  saved: 'Saved.',
  deleted: 'Deleted.',
  readOnly: 'You can read but not change (viewer role).',
  deleteHeading: 'Delete',
  deleteContactHelp:
    'The contact is removed from the address book and gets no more mailings. Answers and mailings already sent are kept.',
  deleteOrganisationHelp: 'An organisation can be deleted when it has no contacts.',
  deleteContact: 'Delete the contact',
  deleteOrganisation: 'Delete the organisation',
  adminsDelete: 'Only administrators can delete.',
  emailTaken: 'Another contact already has this email address.',
  numberTaken: 'Another organisation already has this organisation number.',
  hasContacts: 'The organisation has contacts. Delete them or move them to another organisation first.',
  changedMeanwhile: 'Someone else changed it at the same time. Reload the page and make the change again.',
  noSuchOrganisation: 'The organisation no longer exists. Choose another.',
};

const texts: Record<Language, AddressBookTexts> = { sv, da, en };
export const addressBookTexts = (language: Language): AddressBookTexts => texts[language];
