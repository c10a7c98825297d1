import type { ComponentChildren } from 'preact';
import type { z } from 'zod';
import { type Language, languages } from '../../platform/texts/language.js';
import { shellTexts } from '../../platform/texts/shell.js';
import { instantToLocalInput, localInputToInstant } from '../../platform/texts/wall-clock.js';
import type { Programme } from '../../programmes/index.js';
import { type EventInput, eventInputSchema, eventKinds, type Meeting, meetingFormats } from '../meeting.js';
import {
  type CustomQuestion,
  isChoice,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  matchOptionIds,
  newQuestionId,
  type QuestionKind,
  questionKinds,
} from '../questions.js';
import { meetingsTexts } from '../texts/console.js';
import { questionTexts } from '../texts/questions.js';
import { registrationTexts } from '../texts/registration.js';

/*
 * The create/edit form of an event: what it shows, how a posted form becomes an `EventInput`
 * (validated by the very schema the API uses), and how errors come back next to their fields.
 */

export const questionKeys = ['headcount', 'names', 'dietary', 'accessibility', 'note'] as const;
export type QuestionKey = (typeof questionKeys)[number];

/** The form as typed: strings (and booleans for checkboxes), shown again as they were when invalid. */
export interface EventFormValues {
  kind: string;
  title: string;
  programmeId: string;
  language: string;
  description: string;
  placeName: string;
  placeAddress: string;
  format: string;
  meetingUrl: string;
  /** `datetime-local` values on the tenant's clock. */
  start: string;
  end: string;
  rsvpDeadline: string;
  capacity: string;
  seatLimitPerOrganisation: string;
  /** One agenda item a line: `HH:MM Title`. */
  agenda: string;
  questions: Record<QuestionKey, boolean>;
  /** The custom questions as rows of the form (options one a line); an empty row adds none. */
  customQuestions: QuestionRow[];
  reminderDays: string;
  reminderAttendees: boolean;
  openRegistration: boolean;
}

/** A custom question as typed in the form. `id` is empty for a new one. */
export interface QuestionRow {
  id: string;
  kind: string;
  label: string;
  required: boolean;
  options: string;
}

/** What is wrong with the custom questions (rows counted from 1). */
export type QuestionsError =
  | { code: 'label'; row: number }
  | { code: 'options'; row: number }
  | { code: 'optionTooLong'; row: number; max: number }
  | { code: 'tooMany' };

export type EventFormField = Exclude<
  keyof EventFormValues,
  'questions' | 'customQuestions' | 'openRegistration'
>;

/** Field errors as codes; the page words them in the console's language. */
export type FieldError =
  | { code: 'required' }
  | { code: 'tooLong'; max: number }
  | { code: 'range'; min: number; max: number }
  | { code: 'wholeNumber' }
  | { code: 'dateTime' }
  | { code: 'endAfterStart' }
  | { code: 'deadlineBeforeStart' }
  | { code: 'seatLimit' }
  | { code: 'capacityTaken' }
  | { code: 'agendaLine'; line: number }
  | { code: 'agendaTooLong'; max: number }
  | { code: 'invalid' };

export type EventFormErrors = Partial<Record<EventFormField, FieldError>> & {
  customQuestions?: QuestionsError;
};

export type ParsedEventForm =
  | { ok: true; values: EventFormValues; input: EventInput }
  | { ok: false; values: EventFormValues; errors: EventFormErrors };

/** Where each form field's errors land, in the order of the form (for the error summary). */
export const formFields: readonly EventFormField[] = [
  'kind',
  'title',
  'programmeId',
  'language',
  'description',
  'placeName',
  'placeAddress',
  'format',
  'meetingUrl',
  'start',
  'end',
  'rsvpDeadline',
  'capacity',
  'seatLimitPerOrganisation',
  'agenda',
  'reminderDays',
  'reminderAttendees',
];

const ranges: Partial<Record<EventFormField, { min: number; max: number }>> = {
  capacity: { min: 1, max: 10_000 },
  seatLimitPerOrganisation: { min: 1, max: 100 },
  reminderDays: { min: 1, max: 30 },
};

/** An empty form for a new event: the tenant's language, every question asked, attendees reminded. */
export function newEventFormValues(language: Language): EventFormValues {
  return {
    kind: 'dialogue-lunch',
    title: '',
    programmeId: '',
    language,
    description: '',
    placeName: '',
    placeAddress: '',
    format: 'in-person',
    meetingUrl: '',
    start: '',
    end: '',
    rsvpDeadline: '',
    capacity: '',
    seatLimitPerOrganisation: '2',
    agenda: '',
    questions: { headcount: true, names: true, dietary: true, accessibility: true, note: true },
    customQuestions: [],
    reminderDays: '',
    reminderAttendees: true,
    openRegistration: false,
  };
}

/**
 * A new event's form filled from an earlier one (the next dialogue lunch is usually the last
 * one again): everything but the dates, which a copy must not keep by mistake.
 */
export function copyFormValues(event: Meeting, timeZone: string): EventFormValues {
  return { ...eventFormValues(event, timeZone), start: '', end: '', rsvpDeadline: '' };
}

export function eventFormValues(event: Meeting, timeZone: string): EventFormValues {
  return {
    kind: event.kind,
    title: event.title,
    programmeId: event.programmeId ?? '',
    language: event.language,
    description: event.description,
    placeName: event.place.name,
    placeAddress: event.place.address ?? '',
    format: event.format ?? 'in-person',
    meetingUrl: event.meetingUrl ?? '',
    start: instantToLocalInput(event.start, timeZone),
    end: instantToLocalInput(event.end, timeZone),
    rsvpDeadline: instantToLocalInput(event.rsvpDeadline, timeZone),
    capacity: String(event.capacity),
    seatLimitPerOrganisation: String(event.seatLimitPerOrganisation),
    agenda: event.agenda.map((item) => `${item.time} ${item.title}`).join('\n'),
    questions: { ...event.questions },
    customQuestions: (event.customQuestions ?? []).map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      options: q.options.map((o) => o.label).join('\n'),
    })),
    reminderDays:
      event.reminders.nonRespondersDaysBeforeDeadline === undefined
        ? ''
        : String(event.reminders.nonRespondersDaysBeforeDeadline),
    reminderAttendees: event.reminders.attendeesDayBefore,
    openRegistration: event.openRegistration === true,
  };
}

const AGENDA_LINE = /^(\d{1,2})[:.](\d{2})\s+(.+)$/;

/**
 * A posted form → an `EventInput`, or the errors per field. Times are read on the tenant's
 * clock (`timeZone`); the result is checked with `eventInputSchema`, the same as the API's, and
 * the cross-field rules are checked here as well so that every error shows at once.
 */
export function parseEventForm(
  form: Record<string, string | undefined>,
  timeZone: string,
  /** The event's questions before this edit: whose ids (and options' ids) an edited row keeps. */
  previous: readonly CustomQuestion[] = [],
): ParsedEventForm {
  const text = (name: string) => (form[name] ?? '').replace(/\r\n?/g, '\n');
  const checked = (name: string) => form[name] !== undefined && form[name] !== '';
  const values: EventFormValues = {
    kind: text('kind').trim(),
    title: text('title'),
    programmeId: text('programmeId').trim(),
    language: text('language').trim(),
    description: text('description'),
    placeName: text('placeName'),
    placeAddress: text('placeAddress'),
    format: text('format').trim(),
    meetingUrl: text('meetingUrl').trim(),
    start: text('start').trim(),
    end: text('end').trim(),
    rsvpDeadline: text('rsvpDeadline').trim(),
    capacity: text('capacity').trim(),
    seatLimitPerOrganisation: text('seatLimitPerOrganisation').trim(),
    agenda: text('agenda'),
    questions: Object.fromEntries(questionKeys.map((q) => [q, checked(`q_${q}`)])) as Record<
      QuestionKey,
      boolean
    >,
    customQuestions: questionRows(form),
    reminderDays: text('reminderDays').trim(),
    reminderAttendees: checked('reminderAttendees'),
    openRegistration: checked('openRegistration'),
  };
  const errors: EventFormErrors = {};
  const questions = customQuestionsOf(values.customQuestions, previous);
  if ('error' in questions) errors.customQuestions = questions.error;
  const fail = (field: EventFormField, error: FieldError) => {
    errors[field] ??= error;
  };

  const instant = (field: 'start' | 'end' | 'rsvpDeadline') => {
    const value = values[field];
    if (value === '') return fail(field, { code: 'required' });
    const parsed = localInputToInstant(value, timeZone);
    if (!parsed) fail(field, { code: 'dateTime' });
    return parsed;
  };
  const whole = (field: 'capacity' | 'seatLimitPerOrganisation' | 'reminderDays', optional = false) => {
    const value = values[field];
    if (value === '') return optional ? undefined : fail(field, { code: 'required' });
    if (!/^\d{1,9}$/.test(value)) return fail(field, { code: 'wholeNumber' });
    return Number(value);
  };

  const agenda: { time: string; title: string }[] = [];
  for (const [index, raw] of values.agenda.split('\n').entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const match = AGENDA_LINE.exec(line);
    const hour = Number(match?.[1]);
    const minute = Number(match?.[2]);
    if (!match || hour > 23 || minute > 59) {
      fail('agenda', { code: 'agendaLine', line: index + 1 });
      continue;
    }
    agenda.push({ time: `${String(hour).padStart(2, '0')}:${match[2]}`, title: (match[3] ?? '').trim() });
  }

  const start = instant('start');
  const end = instant('end');
  const rsvpDeadline = instant('rsvpDeadline');
  const capacity = whole('capacity');
  const seatLimit = whole('seatLimitPerOrganisation');
  const reminderDays = whole('reminderDays', true);
  if (start && end && Date.parse(end) <= Date.parse(start)) fail('end', { code: 'endAfterStart' });
  if (start && rsvpDeadline && Date.parse(rsvpDeadline) > Date.parse(start))
    fail('rsvpDeadline', { code: 'deadlineBeforeStart' });
  if (capacity !== undefined && seatLimit !== undefined && seatLimit > capacity && capacity >= 1)
    fail('seatLimitPerOrganisation', { code: 'seatLimit' });

  const candidate = {
    ...(values.programmeId ? { programmeId: values.programmeId } : {}),
    kind: values.kind,
    title: values.title,
    description: values.description,
    agenda,
    place: { name: values.placeName, address: values.placeAddress },
    ...(values.format && values.format !== 'in-person' ? { format: values.format } : {}),
    // A link typed for an event in person is not kept (it would never be shown).
    ...(values.meetingUrl && values.format !== 'in-person' ? { meetingUrl: values.meetingUrl } : {}),
    start,
    end,
    capacity,
    seatLimitPerOrganisation: seatLimit,
    rsvpDeadline,
    questions: values.questions,
    customQuestions: 'error' in questions ? [] : questions.questions,
    language: values.language,
    reminders: {
      ...(reminderDays === undefined ? {} : { nonRespondersDaysBeforeDeadline: reminderDays }),
      attendeesDayBefore: values.reminderAttendees,
    },
    ...(values.openRegistration ? { openRegistration: true } : {}),
  };
  const result = eventInputSchema.safeParse(candidate);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOf(issue.path);
      if (field) fail(field, errorOf(field, issue));
    }
  }
  if (Object.keys(errors).length > 0 || !result.success) {
    // An issue no field owns still keeps the form from saving.
    if (Object.keys(errors).length === 0) errors.title = { code: 'invalid' };
    return { ok: false, values, errors };
  }
  return { ok: true, values, input: result.data };
}

/** The question rows as posted (`cq_<n>_…`), those ticked for removal and empty ones left out. */
function questionRows(form: Record<string, string | undefined>): QuestionRow[] {
  const rows: QuestionRow[] = [];
  // One row more than the most there can be: the empty row for a new question.
  for (let i = 0; i <= MAX_QUESTIONS; i++) {
    const field = (name: string) => (form[`cq_${i}_${name}`] ?? '').replace(/\r\n?/g, '\n');
    const row: QuestionRow = {
      id: field('id').trim(),
      kind: field('kind').trim(),
      label: field('label').trim(),
      required: field('required') !== '',
      options: field('options'),
    };
    if (field('remove') !== '' || (row.label === '' && row.options.trim() === '')) continue;
    rows.push(row);
  }
  return rows;
}

/** The rows as questions: ids kept from the questions before, new ones given. */
function customQuestionsOf(
  rows: readonly QuestionRow[],
  previous: readonly CustomQuestion[],
): { questions: CustomQuestion[] } | { error: QuestionsError } {
  if (rows.length > MAX_QUESTIONS) return { error: { code: 'tooMany' } };
  const questions: CustomQuestion[] = [];
  const taken = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const at = index + 1;
    if (row.label === '' || row.label.length > 200) return { error: { code: 'label', row: at } };
    const kind: QuestionKind = (questionKinds as readonly string[]).includes(row.kind)
      ? (row.kind as QuestionKind)
      : 'short-text';
    // Only an id the event had is kept: a typed one cannot take over another question's answers.
    const before = previous.find((q) => q.id === row.id && !taken.has(q.id));
    const id = before?.id ?? newQuestionId();
    taken.add(id);
    const labels = row.options
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (isChoice(kind)) {
      if (labels.length < 2 || labels.length > MAX_OPTIONS) return { error: { code: 'options', row: at } };
      if (labels.some((l) => l.length > 100)) return { error: { code: 'optionTooLong', row: at, max: 100 } };
    }
    questions.push({
      id,
      kind,
      label: row.label,
      required: row.required,
      options: isChoice(kind) ? matchOptionIds(before?.options ?? [], labels) : [],
    });
  }
  return { questions };
}

/** A custom questions' error in words, in the console's language. */
export function questionsErrorText(error: QuestionsError, language: Language): string {
  const e = questionTexts[language].form.errors;
  switch (error.code) {
    case 'label':
      return e.label(error.row);
    case 'options':
      return e.options(error.row, MAX_OPTIONS);
    case 'optionTooLong':
      return e.optionTooLong(error.row, error.max);
    case 'tooMany':
      return e.tooMany(MAX_QUESTIONS);
  }
}

function fieldOf(path: readonly PropertyKey[]): EventFormField | undefined {
  const [first, second] = path;
  if (first === 'place') return second === 'address' ? 'placeAddress' : 'placeName';
  if (first === 'reminders') return second === 'attendeesDayBefore' ? 'reminderAttendees' : 'reminderDays';
  if (first === 'questions' || first === 'customQuestions') return undefined;
  return formFields.find((f) => f === first);
}

function errorOf(field: EventFormField, zodIssue: z.core.$ZodIssue): FieldError {
  const issue = zodIssue as unknown as { code: string; path: readonly PropertyKey[] } & Record<
    string,
    unknown
  >;
  const range = ranges[field];
  if (field === 'agenda') {
    if (issue.code === 'too_big' && issue.path.length === 1) return { code: 'agendaTooLong', max: 30 };
    const line = Number(issue.path[1]);
    return { code: 'agendaLine', line: Number.isInteger(line) ? line + 1 : 1 };
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return { code: 'required' };
  if (issue.code === 'too_big' && issue.origin === 'string')
    return { code: 'tooLong', max: Number(issue.maximum) };
  if ((issue.code === 'too_small' || issue.code === 'too_big') && range) return { code: 'range', ...range };
  if (issue.code === 'invalid_type' && issue.input === undefined) return { code: 'required' };
  if (issue.code === 'custom') {
    // Online and hybrid events need their link.
    if (field === 'meetingUrl') return { code: 'required' };
    if (field === 'end') return { code: 'endAfterStart' };
    if (field === 'rsvpDeadline') return { code: 'deadlineBeforeStart' };
    if (field === 'seatLimitPerOrganisation') return { code: 'seatLimit' };
  }
  return { code: 'invalid' };
}

/** An error in words, in the console's language. */
export function fieldErrorText(error: FieldError, language: Language): string {
  const e = meetingsTexts(language).form.errors;
  switch (error.code) {
    case 'required':
      return e.required;
    case 'tooLong':
      return e.tooLong(error.max);
    case 'range':
      return e.range(error.min, error.max);
    case 'wholeNumber':
      return e.wholeNumber;
    case 'dateTime':
      return e.dateTime;
    case 'endAfterStart':
      return e.endAfterStart;
    case 'deadlineBeforeStart':
      return e.deadlineBeforeStart;
    case 'seatLimit':
      return e.seatLimit;
    case 'capacityTaken':
      return e.capacityTaken;
    case 'agendaLine':
      return e.agendaLine(error.line);
    case 'agendaTooLong':
      return e.agendaTooLong(error.max);
    default:
      return e.invalid;
  }
}

// ---------------------------------------------------------------- the page

export interface EventFormPageProps {
  language: Language;
  mode: 'create' | 'edit';
  action: string;
  csrfToken: string;
  values: EventFormValues;
  errors: EventFormErrors;
  programmes: Pick<Programme, 'programmeId' | 'name' | 'language'>[];
  timeZone: string;
  /** Edit: the version the form was made from (a stale save is refused). */
  expectedVersion?: number;
  /** Edit: the event's id and title, for the way back. */
  event?: Pick<Meeting, 'eventId' | 'title' | 'status'>;
  /** A message for the whole form (a concurrent change). */
  formError?: string;
  /** The event this new one is a copy of. */
  copyOf?: string;
}

const fieldId = (field: EventFormField) => `event-${field}`;
const errorId = (field: EventFormField) => `event-${field}-error`;

/** The attributes that tie an input to its hint and error (WCAG 3.3.1, 1.3.1). */
function described(field: EventFormField, errors: EventFormErrors, hintId?: string) {
  const ids = [hintId, errors[field] ? errorId(field) : undefined].filter(Boolean).join(' ');
  return {
    id: fieldId(field),
    name: field,
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': ids || undefined,
  };
}

function FieldErrorText({
  field,
  errors,
  language,
}: {
  field: EventFormField;
  errors: EventFormErrors;
  language: Language;
}) {
  const error = errors[field];
  return error ? (
    <p class="field-error" id={errorId(field)}>
      <span class="visually-hidden">{meetingsTexts(language).form.errorPrefix} </span>
      {fieldErrorText(error, language)}
    </p>
  ) : null;
}

function Field(props: {
  field: EventFormField;
  label: string;
  hint?: string;
  errors: EventFormErrors;
  language: Language;
  children: ComponentChildren;
}) {
  const { field, label, hint, errors, language, children } = props;
  return (
    <div class={errors[field] ? 'field has-error' : 'field'}>
      <label for={fieldId(field)}>{label}</label>
      {hint ? (
        <p class="hint" id={`${fieldId(field)}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldErrorText field={field} errors={errors} language={language} />
      {children}
    </div>
  );
}

export function EventFormPage(props: EventFormPageProps) {
  const { language, mode, action, csrfToken, values, errors, programmes, timeZone, expectedVersion, event } =
    props;
  const m = meetingsTexts(language);
  const f = m.form;
  const errorFields = formFields.filter((field) => errors[field]);
  const hint = (field: EventFormField) => `${fieldId(field)}-hint`;
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: eventStyles }} />
      <p>
        <a href={event ? `/console/events/${encodeURIComponent(event.eventId)}` : '/console/events'}>
          <span aria-hidden="true">← </span>
          {event ? m.backToEvent : m.backToList}
        </a>
      </p>
      <h1>{mode === 'create' ? f.newTitle : f.editTitle}</h1>
      {event?.status === 'published' ? <p class="lead">{f.publishedNote}</p> : null}
      {props.copyOf ? (
        <div class="notice" role="status">
          <p>{f.copyOf(props.copyOf)}</p>
        </div>
      ) : null}

      {props.formError ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <h2>{f.notSaved}</h2>
          <p>{props.formError}</p>
        </div>
      ) : null}
      {errorFields.length > 0 || errors.customQuestions ? (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-heading" tabindex={-1}>
          <h2 id="error-summary-heading">
            {f.errorSummary(errorFields.length + (errors.customQuestions ? 1 : 0))}
          </h2>
          <ul>
            {errorFields.map((field) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>
                  {f.labels[field]}: {fieldErrorText(errors[field] as FieldError, language)}
                </a>
              </li>
            ))}
            {errors.customQuestions ? (
              <li>
                <a href="#event-custom-questions">{questionsErrorText(errors.customQuestions, language)}</a>
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}

      <form method="post" action={action} class="event-form" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {expectedVersion === undefined ? null : (
          <input type="hidden" name="expectedVersion" value={String(expectedVersion)} />
        )}

        <fieldset>
          <legend>{f.basics}</legend>
          <Field field="kind" label={f.labels.kind} errors={errors} language={language}>
            <select {...described('kind', errors)}>
              {eventKinds.map((kind) => (
                <option key={kind} value={kind} selected={values.kind === kind}>
                  {m.kinds[kind]}
                </option>
              ))}
            </select>
          </Field>
          <Field field="title" label={f.labels.title} errors={errors} language={language}>
            <input
              type="text"
              maxLength={200}
              required
              value={values.title}
              {...described('title', errors)}
            />
          </Field>
          <Field field="programmeId" label={f.labels.programmeId} errors={errors} language={language}>
            <select {...described('programmeId', errors)}>
              <option value="" selected={values.programmeId === ''}>
                {f.noProgramme}
              </option>
              {programmes.map((p) => (
                <option
                  key={p.programmeId}
                  value={p.programmeId}
                  selected={values.programmeId === p.programmeId}
                >
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field
            field="language"
            label={f.labels.language}
            hint={f.languageHint}
            errors={errors}
            language={language}
          >
            <select {...described('language', errors, hint('language'))}>
              {languages.map((code) => (
                <option key={code} value={code} selected={values.language === code}>
                  {shellTexts(language).languageNames[code]}
                </option>
              ))}
            </select>
          </Field>
          <Field field="description" label={f.labels.description} errors={errors} language={language}>
            <textarea rows={6} maxLength={10_000} {...described('description', errors)}>
              {values.description}
            </textarea>
          </Field>
        </fieldset>

        <fieldset>
          <legend>{f.placeAndTime}</legend>
          <Field field="placeName" label={f.labels.placeName} errors={errors} language={language}>
            <input
              type="text"
              maxLength={200}
              required
              value={values.placeName}
              {...described('placeName', errors)}
            />
          </Field>
          <Field field="placeAddress" label={f.labels.placeAddress} errors={errors} language={language}>
            <input
              type="text"
              maxLength={300}
              autocomplete="off"
              value={values.placeAddress}
              {...described('placeAddress', errors)}
            />
          </Field>
          <Field field="format" label={f.labels.format} errors={errors} language={language}>
            <select {...described('format', errors)}>
              {meetingFormats.map((format) => (
                <option key={format} value={format} selected={values.format === format}>
                  {f.formats[format]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            field="meetingUrl"
            label={f.labels.meetingUrl}
            hint={f.meetingUrlHint}
            errors={errors}
            language={language}
          >
            <input
              type="url"
              inputMode="url"
              maxLength={500}
              autocomplete="off"
              value={values.meetingUrl}
              {...described('meetingUrl', errors, hint('meetingUrl'))}
            />
          </Field>
          <p class="hint" id="event-times-hint">
            {f.timesHint(timeZone)}
          </p>
          {(['start', 'end', 'rsvpDeadline'] as const).map((field) => (
            <Field key={field} field={field} label={f.labels[field]} errors={errors} language={language}>
              <input
                type="datetime-local"
                required
                value={values[field]}
                {...described(field, errors, 'event-times-hint')}
              />
            </Field>
          ))}
        </fieldset>

        <fieldset>
          <legend>{f.seats}</legend>
          <Field field="capacity" label={f.labels.capacity} errors={errors} language={language}>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={10_000}
              required
              value={values.capacity}
              {...described('capacity', errors)}
            />
          </Field>
          <Field
            field="seatLimitPerOrganisation"
            label={f.labels.seatLimitPerOrganisation}
            hint={f.seatLimitHint}
            errors={errors}
            language={language}
          >
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              required
              value={values.seatLimitPerOrganisation}
              {...described('seatLimitPerOrganisation', errors, hint('seatLimitPerOrganisation'))}
            />
          </Field>
          <div class="check">
            <input
              type="checkbox"
              id="event-openRegistration"
              name="openRegistration"
              value="on"
              checked={values.openRegistration}
              aria-describedby="event-openRegistration-hint"
            />
            <label for="event-openRegistration">{registrationTexts[language].console.toggle}</label>
          </div>
          <p class="hint" id="event-openRegistration-hint">
            {registrationTexts[language].console.toggleHint}
          </p>
        </fieldset>

        <fieldset>
          <legend>{f.agendaLegend}</legend>
          <Field
            field="agenda"
            label={f.labels.agenda}
            hint={f.agendaHint}
            errors={errors}
            language={language}
          >
            <textarea rows={5} {...described('agenda', errors, hint('agenda'))}>
              {values.agenda}
            </textarea>
          </Field>
        </fieldset>

        <fieldset>
          <legend>{f.questions}</legend>
          <p class="hint">{f.questionsHint}</p>
          {questionKeys.map((q) => (
            <div class="check" key={q}>
              <input
                type="checkbox"
                id={`event-q-${q}`}
                name={`q_${q}`}
                value="on"
                checked={values.questions[q]}
              />
              <label for={`event-q-${q}`}>{f.questionLabels[q]}</label>
            </div>
          ))}
        </fieldset>

        <QuestionsEditor rows={values.customQuestions} error={errors.customQuestions} language={language} />

        <fieldset>
          <legend>{f.reminders}</legend>
          <Field
            field="reminderDays"
            label={f.labels.reminderDays}
            hint={f.reminderDaysHint}
            errors={errors}
            language={language}
          >
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              value={values.reminderDays}
              {...described('reminderDays', errors, hint('reminderDays'))}
            />
          </Field>
          <div class="check">
            <input
              type="checkbox"
              id={fieldId('reminderAttendees')}
              name="reminderAttendees"
              value="on"
              checked={values.reminderAttendees}
            />
            <label for={fieldId('reminderAttendees')}>{f.labels.reminderAttendees}</label>
          </div>
        </fieldset>

        <p>
          <button type="submit" class="primary">
            {mode === 'create' ? f.create : f.save}
          </button>
        </p>
      </form>
    </>
  );
}

/**
 * The custom questions' rows: one per question, and one empty row that adds a question when
 * filled in. Plain form fields, so the editor works without script; a ticked "remove" drops
 * the row on save.
 */
function QuestionsEditor(props: { rows: QuestionRow[]; error?: QuestionsError; language: Language }) {
  const { rows, error, language } = props;
  const q = questionTexts[language].form;
  const shown = rows.length < MAX_QUESTIONS ? [...rows, undefined] : rows;
  return (
    <fieldset id="event-custom-questions" aria-describedby="event-custom-questions-hint">
      <legend>{q.legend}</legend>
      <p class="hint" id="event-custom-questions-hint">
        {q.hint}
      </p>
      {error ? (
        <p class="field-error" role="alert">
          <span class="visually-hidden">{meetingsTexts(language).form.errorPrefix} </span>
          {questionsErrorText(error, language)}
        </p>
      ) : null}
      {shown.map((row, i) => {
        const name = (field: string) => `cq_${i}_${field}`;
        const id = (field: string) => `event-cq-${i}-${field}`;
        return (
          <fieldset key={row?.id || `new-${i}`} class="question-row">
            <legend>{row ? q.row(i + 1) : q.newRow}</legend>
            <input type="hidden" name={name('id')} value={row?.id ?? ''} />
            <div class="field">
              <label for={id('label')}>{q.label}</label>
              <input
                type="text"
                id={id('label')}
                name={name('label')}
                maxLength={200}
                value={row?.label ?? ''}
              />
            </div>
            <div class="field">
              <label for={id('kind')}>{q.kind}</label>
              <select id={id('kind')} name={name('kind')}>
                {questionKinds.map((kind) => (
                  <option key={kind} value={kind} selected={(row?.kind ?? 'short-text') === kind}>
                    {q.kinds[kind]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={id('options')}>{q.options}</label>
              <p class="hint" id={`${id('options')}-hint`}>
                {q.optionsHint}
              </p>
              <textarea
                id={id('options')}
                name={name('options')}
                rows={3}
                aria-describedby={`${id('options')}-hint`}
              >
                {row?.options ?? ''}
              </textarea>
            </div>
            <div class="check">
              <input
                type="checkbox"
                id={id('required')}
                name={name('required')}
                value="on"
                checked={row?.required ?? false}
              />
              <label for={id('required')}>{q.required}</label>
            </div>
            {row ? (
              <div class="check">
                <input type="checkbox" id={id('remove')} name={name('remove')} value="on" />
                <label for={id('remove')}>{q.remove}</label>
              </div>
            ) : null}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/**
 * The event pages' own styles (tables, forms, cards, notices), added to the console's
 * stylesheet by each page; colours are the console's, with the contrast noted there.
 */
export const eventStyles = `
.event-form fieldset.question-row { margin: 0 0 1rem; padding: 0.75rem 1rem 0.25rem; }
.event-form fieldset.question-row legend { font-size: 1rem; }
.stacked input[type="text"], .stacked input[type="datetime-local"], .stacked textarea {
  font: inherit; padding: 0.45rem 0.6rem; border: 1px solid var(--control); border-radius: var(--radius); background: var(--surface); color: var(--text); max-width: 100%;
}
.stacked textarea { width: 100%; }
.field-error, .error-text { margin: 0; color: #a4262c; font-weight: 600; }
.hint { margin: 0 0 0.25rem; color: var(--muted); font-size: 0.95rem; }
.notice { margin: 0 0 1.5rem; padding: 0.75rem 1.25rem; background: var(--accent-tint); border-left: 4px solid var(--accent); border-radius: var(--radius); max-width: 42rem; }
.status-tag { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; border: 1px solid var(--control); font-size: 0.9rem; font-weight: 600; color: var(--text); background: var(--surface); }
.status-tag.published { border-color: var(--accent); color: var(--accent); }
.status-tag.cancelled { border-color: #a4262c; color: #a4262c; }
.table-wrap { margin-top: 0; overflow-x: auto; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); }
table.data { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
table.data caption { text-align: left; padding: 0.75rem 1rem 0; font-weight: 600; }
table.data th, table.data td { padding: 0.55rem 0.9rem; border-top: 1px solid var(--line); text-align: left; vertical-align: top; }
table.data thead th { border-top: 0; color: var(--muted); font-weight: 600; }
table.data td.num, table.data th.num { text-align: right; font-variant-numeric: tabular-nums; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 0 0 1.5rem; }
.actions form { margin: 0; }
.counters.events { grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); }
.counter .sub { display: block; margin-top: 0.15rem; color: var(--muted); font-size: 0.9rem; font-weight: 400; }
.pager { display: flex; gap: 1rem; margin: 0.75rem 0 0; }
.choices { border: 0; padding: 0; margin: 0 0 1rem; }
.contact-list { max-height: 22rem; overflow-y: auto; padding: 0.5rem 0.75rem; border: 1px solid var(--control); border-radius: var(--radius); background: var(--surface); }
.contact-list .org { margin: 0.5rem 0 0.25rem; font-weight: 600; }
.stacked { display: flex; flex-direction: column; gap: 0.25rem; margin: 0 0 1rem; max-width: 42rem; }
details.cancel { margin: 0; }
details.cancel summary { cursor: pointer; color: #a4262c; font-weight: 600; min-height: 2.5rem; display: flex; align-items: center; }
button.danger { border-color: #a4262c; color: #a4262c; }
button.danger:hover { background: #fbeaea; }
.mail-preview-html { max-width: 42rem; max-height: 36rem; overflow: auto; border: 1px solid var(--line); border-radius: var(--radius); }
ul.sends { list-style: none; padding: 0; margin: 0 0 1rem; }
ul.sends > li { padding: 0.6rem 0; border-top: 1px solid var(--line); }
ul.sends progress { width: min(20rem, 100%); }
dl.figures { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; margin: 0.3rem 0; }
dl.figures div { display: flex; gap: 0.3rem; }
dl.figures dt { color: var(--muted); }
dl.figures dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
details.send-action { margin: 0.5rem 0; }
ul.needs { list-style: none; padding: 0; margin: 0 0 1rem; }
ul.needs li { padding: 0.6rem 0; border-top: 1px solid var(--line); }
ul.needs p { margin: 0.25rem 0 0; }
ul.needs .label, table.data.cards td::before, table.data.cards th[data-label]::before { color: var(--muted); }
ul.checkin { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
ul.checkin button { min-height: 44px; }
ul.checkin button[aria-pressed="true"] { background: var(--accent-tint, #e0ecff); font-weight: 600; }
/* On a phone the invitations are cards, one row under the other: no sideways scroll. */
@media (max-width: 40rem) {
  table.data.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.data.cards, table.data.cards tbody, table.data.cards tr, table.data.cards td, table.data.cards th { display: block; width: auto; }
  table.data.cards tr { border-top: 1px solid var(--line); padding: 0.4rem 0; }
  table.data.cards td, table.data.cards th { border-top: 0; padding: 0.2rem 0.9rem; text-align: left; }
  table.data.cards td::before { content: attr(data-label) ": "; }
  .table-wrap:has(table.cards) { overflow-x: visible; }
}
@media print { .actions, .event-form button, .pager { display: none; } }
`;
