import type { OPERATOR_ROLE, Role } from '../../shared/platform/identity/staff.js';
import type { Language } from '../../shared/platform/texts/language.js';

/**
 * Demo data for `npm start`, drawn from the press releases in ../shared/seeds: Hässleholm's
 * dialogue lunch themes (002), its workshop partners (001, 003), Helsingør's four tracks (004).
 * Staff names and contact addresses are invented; addresses use the reserved `.example` domain.
 */
export type DemoStaff =
  | { staffId: string; tenantId: string; name: string; email: string; role: Role }
  /** A platform operator: no tenant, and no console (the operators' routes are JSON). */
  | { staffId: string; tenantId?: undefined; name: string; email: string; role: typeof OPERATOR_ROLE };

export interface DemoTenant {
  tenantId: string;
  name: string;
  language: Language;
  timeZone: string;
  programme: {
    name: string;
    description: string;
    language: Language;
    startsOn: string;
    endsOn: string;
    themes: string[];
  };
  organisations: {
    name: string;
    type: string;
    industry: string;
    contacts: { name: string; role: string }[];
  }[];
}

export const demoStaff: DemoStaff[] = [
  {
    staffId: 'staff-hlm-anna',
    tenantId: 'hassleholm',
    name: 'Anna Lindqvist',
    email: 'anna.lindqvist@hassleholm.example',
    role: 'admin',
  },
  {
    staffId: 'staff-hlm-erik',
    tenantId: 'hassleholm',
    name: 'Erik Nilsson',
    email: 'erik.nilsson@hassleholm.example',
    role: 'editor',
  },
  {
    staffId: 'staff-hlm-maria',
    tenantId: 'hassleholm',
    name: 'Maria Berg',
    email: 'maria.berg@hassleholm.example',
    role: 'viewer',
  },
  {
    staffId: 'staff-hel-mette',
    tenantId: 'helsingor',
    name: 'Mette Hansen',
    email: 'mette.hansen@helsingor.example',
    role: 'admin',
  },
  {
    staffId: 'staff-hel-lars',
    tenantId: 'helsingor',
    name: 'Lars Jensen',
    email: 'lars.jensen@helsingor.example',
    role: 'editor',
  },
  {
    staffId: 'staff-per-eva',
    tenantId: 'perstorp',
    name: 'Eva Nordin',
    email: 'eva.nordin@perstorp.example',
    role: 'admin',
  },
  {
    staffId: 'operator-olle',
    name: 'Olle Drift',
    email: 'olle.drift@samverkan.example',
    role: 'operator',
  },
];

export const demoTenants: DemoTenant[] = [
  {
    tenantId: 'hassleholm',
    name: 'Hässleholms kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    programme: {
      name: 'Näringslivsprogram 2024',
      description:
        'Programmet ska ge en gemensam riktning för kommunens näringslivsfrågor och tydliggöra den samlade politiska inriktningen. Det tas fram i bred förankring med företag, branschföreträdare och partners genom workshops och dialogluncher.',
      language: 'sv',
      startsOn: '2024-01-15',
      endsOn: '2024-12-31',
      themes: [
        'Lokalt näringslivsklimat',
        'Marknadsföring',
        'Entreprenörskap',
        'Kommunal service',
        'Kompetensförsörjning',
        'Infrastruktur',
        'Etableringar',
        'Hållbarhet',
      ],
    },
    organisations: [
      {
        name: 'Krinova Incubator & Science Park',
        type: 'education',
        industry: 'Innovation',
        contacts: [{ name: 'Johan Ek', role: 'Verksamhetschef' }],
      },
      {
        name: 'Företagarna Hässleholm',
        type: 'business-association',
        industry: 'Näringslivsorganisation',
        contacts: [{ name: 'Karin Holm', role: 'Ordförande' }],
      },
      {
        name: 'LRF Skåne',
        type: 'business-association',
        industry: 'Lantbruk',
        contacts: [{ name: 'Per Olsson', role: 'Regionansvarig' }],
      },
      {
        name: 'Nyföretagarcentrum Nordöstra Skåne',
        type: 'business-association',
        industry: 'Rådgivning',
        contacts: [{ name: 'Sara Lund', role: 'Rådgivare' }],
      },
      {
        name: 'Region Skåne',
        type: 'public-partner',
        industry: 'Offentlig sektor',
        contacts: [{ name: 'Ola Persson', role: 'Näringslivsutvecklare' }],
      },
      {
        name: 'Kristianstad Airport',
        type: 'company',
        industry: 'Transport',
        contacts: [{ name: 'Lena Ström', role: 'Marknadschef' }],
      },
    ],
  },
  {
    tenantId: 'helsingor',
    name: 'Helsingør Kommune',
    language: 'da',
    timeZone: 'Europe/Copenhagen',
    programme: {
      name: 'Erhvervs- og vækstpolitik',
      description:
        'Fire strategiske spor skal sikre et godt lokalt erhvervsklima og nye vækstmuligheder. Politikken er blevet til i tæt dialog med virksomheder, Vækstudvalget og lokale erhvervsforeninger.',
      language: 'da',
      startsOn: '2015-06-01',
      endsOn: '2020-12-31',
      themes: [
        'Kommunal service i topklasse',
        'Udvikle erhvervslivets styrkepositioner og samarbejde',
        'Uddannelse og opkvalificering',
        'Markedsføring',
      ],
    },
    organisations: [
      {
        name: 'Helsingør Erhvervsforening',
        type: 'business-association',
        industry: 'Erhvervsorganisation',
        contacts: [{ name: 'Jens Møller', role: 'Formand' }],
      },
      {
        name: 'Kronborg Maritime ApS',
        type: 'company',
        industry: 'Turisme',
        contacts: [{ name: 'Camilla Dahl', role: 'Direktør' }],
      },
    ],
  },
  {
    tenantId: 'perstorp',
    name: 'Perstorps kommun',
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    programme: {
      name: 'Tillväxtstrategi',
      description:
        'En kunskapsplattform kring lokala och regionala analyser och förutsättningarna för näringslivet, framtagen tillsammans med företag, Region Skåne, Länsstyrelsen och Företagarna.',
      language: 'sv',
      startsOn: '2019-11-20',
      endsOn: '2020-12-31',
      themes: ['Nyetableringar', 'Turism', 'Bostadsförsörjning', 'Kompetens'],
    },
    organisations: [
      {
        name: 'Perstorp Special Chemicals',
        type: 'company',
        industry: 'Kemi',
        contacts: [{ name: 'Anders Vik', role: 'Platschef' }],
      },
      {
        name: 'Företagarna Perstorp',
        type: 'business-association',
        industry: 'Näringslivsorganisation',
        contacts: [{ name: 'Maja Berglund', role: 'Ordförande' }],
      },
    ],
  },
];
