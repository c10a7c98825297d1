import type { Language } from '../platform/texts/language.js';
import type { DietaryCategory, EventKind } from './meeting.js';

/**
 * The names of event kinds and dietary needs, in each language: one vocabulary for the console,
 * the RSVP page and the mails, so the caterer's summary and the confirmation use the same words.
 */
export const eventKindNames: Record<Language, Record<EventKind, string>> = {
  sv: {
    workshop: 'Workshop',
    'dialogue-lunch': 'Dialoglunch',
    'breakfast-meeting': 'Frukostmöte',
    seminar: 'Seminarium',
    'study-visit': 'Studiebesök',
  },
  da: {
    workshop: 'Workshop',
    'dialogue-lunch': 'Dialogfrokost',
    'breakfast-meeting': 'Morgenmøde',
    seminar: 'Seminar',
    'study-visit': 'Studiebesøg',
  },
  en: {
    workshop: 'Workshop',
    'dialogue-lunch': 'Dialogue lunch',
    'breakfast-meeting': 'Breakfast meeting',
    seminar: 'Seminar',
    'study-visit': 'Study visit',
  },
};

export const dietaryNames: Record<Language, Record<DietaryCategory, string>> = {
  sv: {
    vegetarian: 'Vegetarisk',
    vegan: 'Vegansk',
    'gluten-free': 'Glutenfri',
    'lactose-free': 'Laktosfri',
    'nut-allergy': 'Nötallergi',
    halal: 'Halal',
    other: 'Annat',
  },
  da: {
    vegetarian: 'Vegetarisk',
    vegan: 'Vegansk',
    'gluten-free': 'Glutenfri',
    'lactose-free': 'Laktosefri',
    'nut-allergy': 'Nøddeallergi',
    halal: 'Halal',
    other: 'Andet',
  },
  en: {
    vegetarian: 'Vegetarian',
    vegan: 'Vegan',
    'gluten-free': 'Gluten-free',
    'lactose-free': 'Lactose-free',
    'nut-allergy': 'Nut allergy',
    halal: 'Halal',
    other: 'Other',
  },
};
