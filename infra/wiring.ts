import { ReminderDue } from '../shared/activity/events.js';
import { FeedbackAnswered, FollowUpDue } from '../shared/feedback/events.js';
import {
  CampaignSendRequested,
  EmailBounced,
  EmailClicked,
  EmailComplaintReceived,
  EmailDelivered,
  EmailDeliveryDelayed,
  EmailOpened,
  EmailRejected,
  EmailRenderingFailed,
  SendingResumed,
} from '../shared/mail/events.js';
import { MAIL_QUEUE } from '../shared/mail/queues.js';
import {
  AttendanceMarked,
  InvitationAnswered,
  InvitationCreated,
  InvitationOpened,
  MeetingCancelled,
  MeetingChanged,
  MeetingEnded,
  MeetingPublished,
  MeetingReminderDue,
  SeatsReleased,
  WaitlistPromoted,
} from '../shared/meetings/events.js';
import { outboxStreamFilter } from '../shared/platform/bus/outbox.js';
import { BulkExported } from '../shared/platform/privacy/bulk-export.js';
import {
  ReleasePublishDue,
  ReleasePublished,
  ReleaseScheduled,
  SubscriptionConfirmed,
} from '../shared/press/events.js';
import { ErasureRequested, RetentionDue } from '../shared/privacy/events.js';
import { OutcomePublished, ProgrammeCreated, ProgrammeUpdated } from '../shared/programmes/events.js';
import type { Wiring } from './wiring/types.js';

/**
 * Every function of Samverkan and what triggers it. This is the only place triggers are
 * written down: the CDK app (infra/aws) and the local runtime (infra/local) both read it.
 */
export const wiring: Wiring = [
  {
    name: 'auth-session',
    entry: 'functions/auth/session.ts',
    description: 'Staff sign-in through the identity provider (Cognito, or the local one), session cookie',
    routes: [
      { method: 'GET', path: '/auth/sign-in', auth: 'public' },
      { method: 'GET', path: '/auth/callback', auth: 'public' },
      { method: 'POST', path: '/auth/sign-out', auth: 'public' },
    ],
    // table: sign-out revokes the session (a revocation item until the id token expires).
    access: { table: 'readwrite', staffIdentity: 'sign-in', publicBaseUrl: true },
  },
  {
    name: 'console-pages',
    entry: 'functions/console/pages.ts',
    description: 'Staff console: signed-in layout, dashboard, programmes, the tenant settings',
    routes: [
      { method: 'GET', path: '/', auth: 'public' },
      { method: 'GET', path: '/console', auth: 'console' },
      { method: 'GET', path: '/console/programmes/{programmeId}', auth: 'console' },
      { method: 'POST', path: '/console/language', auth: 'console' },
      { method: 'GET', path: '/console/settings', auth: 'console' },
      { method: 'POST', path: '/console/settings', auth: 'console' },
      { method: 'POST', path: '/console/settings/logo', auth: 'console' },
      { method: 'POST', path: '/console/settings/logo/delete', auth: 'console' },
      // The tenant's logo on its public pages (same origin; the bytes are an item in the table).
      { method: 'GET', path: '/brand/{tenantId}/logo', auth: 'public' },
      { method: 'GET', path: '/console/live.js', auth: 'console' },
    ],
    // readwrite: admins change the tenant's settings (with their event, through the outbox).
    access: { table: 'readwrite', staffIdentity: 'verify', publicBaseUrl: true },
  },
  {
    name: 'staff-api',
    entry: 'functions/platform/staff-api.ts',
    description: 'Who am I, reminders at a set time, and the tenant settings',
    routes: [
      { method: 'GET', path: '/api/me', auth: 'staff' },
      { method: 'POST', path: '/api/reminders', auth: 'staff' },
      { method: 'GET', path: '/api/activity', auth: 'staff' },
      { method: 'GET', path: '/api/settings', auth: 'staff' },
      { method: 'PATCH', path: '/api/settings', auth: 'staff' },
    ],
    access: { table: 'readwrite' },
  },
  {
    name: 'programmes-api',
    entry: 'functions/programmes/api.ts',
    description: 'Programmes, their themes and the outcomes per theme (staff JSON API)',
    routes: [
      { method: 'GET', path: '/api/programmes', auth: 'staff' },
      { method: 'POST', path: '/api/programmes', auth: 'staff' },
      { method: 'GET', path: '/api/programmes/{programmeId}', auth: 'staff' },
      { method: 'PUT', path: '/api/programmes/{programmeId}', auth: 'staff' },
      { method: 'GET', path: '/api/programmes/{programmeId}/outcomes', auth: 'staff' },
      { method: 'POST', path: '/api/programmes/{programmeId}/outcomes', auth: 'staff' },
      { method: 'GET', path: '/api/programmes/{programmeId}/outcomes/{outcomeId}', auth: 'staff' },
      { method: 'PUT', path: '/api/programmes/{programmeId}/outcomes/{outcomeId}', auth: 'staff' },
      { method: 'POST', path: '/api/programmes/{programmeId}/outcomes/{outcomeId}/publish', auth: 'staff' },
    ],
    access: { table: 'readwrite' },
  },
  {
    name: 'programmes-pages',
    entry: 'functions/programmes/pages.ts',
    description: "Console pages: record, edit and publish a programme theme's outcomes",
    routes: [
      { method: 'GET', path: '/console/programmes/{programmeId}/outcomes/new', auth: 'console' },
      { method: 'POST', path: '/console/programmes/{programmeId}/outcomes', auth: 'console' },
      { method: 'GET', path: '/console/programmes/{programmeId}/outcomes/{outcomeId}', auth: 'console' },
      { method: 'POST', path: '/console/programmes/{programmeId}/outcomes/{outcomeId}', auth: 'console' },
      {
        method: 'POST',
        path: '/console/programmes/{programmeId}/outcomes/{outcomeId}/publish',
        auth: 'console',
      },
    ],
    access: { table: 'readwrite', staffIdentity: 'verify', publicBaseUrl: true },
  },
  {
    name: 'activity-recorder',
    entry: 'functions/activity/record.ts',
    description: "Keeps each tenant's activity feed and dashboard counters from domain events",
    queue: {
      name: 'activity',
      batchSize: 10,
      maxConcurrency: 2,
      maxReceives: 3,
      visibilityTimeoutSeconds: 60,
      maxBatchingWindowSeconds: 1,
      subscriptions: [{ event: ProgrammeCreated }, { event: ProgrammeUpdated }, { event: ReminderDue }],
    },
    access: { table: 'readwrite' },
  },
  {
    name: 'schedule-dispatcher',
    entry: 'functions/platform/dispatch-schedules.ts',
    description: 'Publishes the events of one-time schedules that have come due',
    schedules: [{ name: 'every-minute', expression: 'rate(1 minute)' }],
    // gsi1 holds every tenant's pending schedules: the dispatcher is the one function that reads it.
    access: { table: 'readwrite', tableIndexes: ['gsi1'] },
  },
  {
    name: 'outbox-relay',
    entry: 'functions/platform/outbox-relay.ts',
    description:
      "Puts new outbox items on the bus: the events of state changes, written in the change's own transaction",
    tableStream: {
      filter: outboxStreamFilter,
      batchSize: 100,
      maxBatchingWindowSeconds: 0,
      retryAttempts: 10,
    },
    // It marks what it relayed (the outbox's pending index): an UpdateItem per event.
    access: { publish: true, table: 'readwrite' },
  },
  {
    name: 'outbox-sweeper',
    entry: 'functions/platform/outbox-sweeper.ts',
    description:
      'Writes again the outbox events the relay never published (a stream record given up on after its retries)',
    schedules: [{ name: 'every-two-minutes', expression: 'rate(2 minutes)' }],
    // gsi1 holds every tenant's unpublished outbox items: read across tenants, by this function alone.
    access: { table: 'readwrite', tableIndexes: ['gsi1'] },
  },
  {
    name: 'mail-api',
    entry: 'functions/mail/api.ts',
    description:
      'Campaigns (create, preview, send, follow), saved segments, suppressions, sending state, dead letters',
    routes: [
      { method: 'GET', path: '/api/campaigns', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns', auth: 'staff' },
      { method: 'GET', path: '/api/campaigns/{campaignId}', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns/{campaignId}/preview', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns/{campaignId}/send', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns/{campaignId}/resume', auth: 'staff' },
      { method: 'GET', path: '/api/campaigns/{campaignId}/deliveries', auth: 'staff' },
      { method: 'GET', path: '/api/segments', auth: 'staff' },
      { method: 'POST', path: '/api/segments', auth: 'staff' },
      { method: 'GET', path: '/api/segments/{segmentId}', auth: 'staff' },
      { method: 'PUT', path: '/api/segments/{segmentId}', auth: 'staff' },
      { method: 'DELETE', path: '/api/segments/{segmentId}', auth: 'staff' },
      { method: 'GET', path: '/api/mail/suppressions', auth: 'staff' },
      { method: 'DELETE', path: '/api/mail/suppressions/{addressKey}', auth: 'staff' },
      { method: 'GET', path: '/api/mail/sending', auth: 'staff' },
      { method: 'POST', path: '/api/mail/sending/resume', auth: 'staff' },
      { method: 'POST', path: '/api/mail/dead-letters/redrive', auth: 'staff' },
    ],
    access: {
      table: 'readwrite',
      redriveQueues: ['mail'],
      sendToQueues: ['campaign-expansion'],
      publicBaseUrl: true,
    },
  },
  {
    name: 'campaign-expander',
    entry: 'functions/mail/expand-campaign.ts',
    description:
      "Expands a campaign's audience, page by page, into deliveries and send messages; after a resume, queues held deliveries again",
    queue: {
      name: 'campaign-expansion',
      batchSize: 1,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 180,
      subscriptions: [{ event: CampaignSendRequested }, { event: SendingResumed }],
    },
    access: { table: 'readwrite', sendToQueues: ['mail', 'campaign-expansion'] },
    timeoutSeconds: 120,
  },
  {
    name: 'mail-pages',
    entry: 'functions/mail/pages.ts',
    description:
      'Console pages: every mailing with where it stands and its figures; continuing a stalled one; suppressed and unsubscribed addresses; saved segments',
    routes: [
      { method: 'GET', path: '/console/mailings', auth: 'console' },
      { method: 'GET', path: '/console/mailings/suppressions', auth: 'console' },
      { method: 'GET', path: '/console/mailings/segments', auth: 'console' },
      { method: 'POST', path: '/console/mailings/segments', auth: 'console' },
      { method: 'POST', path: '/console/mailings/segments/{segmentId}/rename', auth: 'console' },
      { method: 'POST', path: '/console/mailings/segments/{segmentId}/delete', auth: 'console' },
      { method: 'POST', path: '/console/mailings/suppressions/{addressKey}/lift', auth: 'console' },
      { method: 'GET', path: '/console/mailings/{campaignId}', auth: 'console' },
      { method: 'POST', path: '/console/mailings/{campaignId}/resume', auth: 'console' },
    ],
    access: {
      // readwrite: an admin lifts a suppression.
      table: 'readwrite',
      staffIdentity: 'verify',
      publicBaseUrl: true,
      sendToQueues: ['campaign-expansion'],
    },
    timeoutSeconds: 29,
  },
  {
    name: 'mail-reconciler',
    entry: 'functions/mail/reconcile.ts',
    description:
      'Puts stalled campaign work back on its queues (lost continuations, lost send messages) and finishes campaigns whose last mail settled',
    schedules: [{ name: 'every-two-minutes', expression: 'rate(2 minutes)' }],
    // gsi1 also holds the campaigns being sent, of every tenant: the reconciler's only read across tenants.
    access: { table: 'readwrite', tableIndexes: ['gsi1'], sendToQueues: ['campaign-expansion'] },
  },
  {
    name: 'mail-sender',
    entry: 'functions/mail/send.ts',
    description: 'Sends queued deliveries through SES at the account rate, each exactly once',
    queue: MAIL_QUEUE,
    access: {
      table: 'readwrite',
      sendEmail: true,
      bulkSending: true,
      linkSecret: true,
      publicBaseUrl: true,
    },
    timeoutSeconds: 60,
  },
  {
    name: 'mail-events',
    entry: 'functions/mail/ses-events.ts',
    description:
      'SES delivery, bounce, complaint, open and click events: delivery status, counters, suppressions',
    queue: {
      name: 'mail-events',
      batchSize: 10,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 60,
      maxBatchingWindowSeconds: 1,
      subscriptions: [
        EmailDelivered,
        EmailBounced,
        EmailComplaintReceived,
        EmailRejected,
        EmailDeliveryDelayed,
        EmailOpened,
        EmailClicked,
        EmailRenderingFailed,
      ].map((event) => ({ event })),
    },
    access: { table: 'readwrite' },
  },
  {
    name: 'unsubscribe',
    entry: 'functions/mail/unsubscribe.ts',
    description: 'The unsubscribe page and the RFC 8058 one-click endpoint',
    routes: [
      { method: 'GET', path: '/unsubscribe/{token}', auth: 'public' },
      { method: 'POST', path: '/unsubscribe/{token}', auth: 'public' },
    ],
    // staffIdentity: the page stack's session check comes with it (its public routes never run it).
    access: { table: 'readwrite', linkSecret: true, staffIdentity: 'verify', publicBaseUrl: true },
  },
  {
    name: 'directory-api',
    entry: 'functions/directory/api.ts',
    description: 'Organisations and contacts (staff JSON API), CSV import with preview and commit',
    routes: [
      { method: 'GET', path: '/api/organisations', auth: 'staff' },
      { method: 'POST', path: '/api/organisations', auth: 'staff' },
      { method: 'GET', path: '/api/organisations/{organisationId}', auth: 'staff' },
      { method: 'PUT', path: '/api/organisations/{organisationId}', auth: 'staff' },
      { method: 'DELETE', path: '/api/organisations/{organisationId}', auth: 'staff' },
      { method: 'GET', path: '/api/contacts', auth: 'staff' },
      { method: 'POST', path: '/api/contacts', auth: 'staff' },
      { method: 'GET', path: '/api/contacts/{contactId}', auth: 'staff' },
      { method: 'PUT', path: '/api/contacts/{contactId}', auth: 'staff' },
      { method: 'DELETE', path: '/api/contacts/{contactId}', auth: 'staff' },
      { method: 'POST', path: '/api/imports/preview', auth: 'staff' },
      { method: 'POST', path: '/api/imports/{importId}/commit', auth: 'staff' },
    ],
    access: { table: 'readwrite', tableBatchWrite: true },
    // A commit of 5000 rows writes for a few seconds; API Gateway allows 30.
    timeoutSeconds: 29,
  },
  {
    name: 'directory-pages',
    entry: 'functions/directory/pages.ts',
    description: 'Console pages: the address book (organisations, contacts), CSV import',
    routes: [
      { method: 'GET', path: '/console/organisations', auth: 'console' },
      { method: 'GET', path: '/console/organisations/new', auth: 'console' },
      { method: 'POST', path: '/console/organisations', auth: 'console' },
      { method: 'GET', path: '/console/organisations/{organisationId}', auth: 'console' },
      { method: 'GET', path: '/console/organisations/{organisationId}/edit', auth: 'console' },
      { method: 'POST', path: '/console/organisations/{organisationId}', auth: 'console' },
      { method: 'POST', path: '/console/organisations/{organisationId}/delete', auth: 'console' },
      { method: 'GET', path: '/console/contacts', auth: 'console' },
      { method: 'GET', path: '/console/contacts/new', auth: 'console' },
      { method: 'POST', path: '/console/contacts', auth: 'console' },
      { method: 'GET', path: '/console/contacts/{contactId}', auth: 'console' },
      { method: 'POST', path: '/console/contacts/{contactId}', auth: 'console' },
      { method: 'POST', path: '/console/contacts/{contactId}/delete', auth: 'console' },
      { method: 'GET', path: '/console/imports', auth: 'console' },
      { method: 'GET', path: '/console/imports/{importId}/rejected.csv', auth: 'console' },
      { method: 'POST', path: '/console/imports/preview', auth: 'console' },
      { method: 'POST', path: '/console/imports/{importId}/commit', auth: 'console' },
    ],
    access: { table: 'readwrite', tableBatchWrite: true, staffIdentity: 'verify', publicBaseUrl: true },
    timeoutSeconds: 29,
  },
  {
    name: 'meetings-api',
    entry: 'functions/meetings/api.ts',
    description:
      'Events (staff JSON API): create, edit, publish, cancel, invite, answers, attendance, CSV export',
    routes: [
      { method: 'GET', path: '/api/events', auth: 'staff' },
      { method: 'POST', path: '/api/events', auth: 'staff' },
      { method: 'GET', path: '/api/events/{eventId}', auth: 'staff' },
      { method: 'PUT', path: '/api/events/{eventId}', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/publish', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/cancel', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/invitations', auth: 'staff' },
      { method: 'GET', path: '/api/events/{eventId}/invitations', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/attendance', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/waitlist', auth: 'staff' },
      { method: 'GET', path: '/api/events/{eventId}/export.csv', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/audience-preview', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/invitations/preview', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/invitations/test', auth: 'staff' },
      { method: 'GET', path: '/api/events/{eventId}/sends', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/sends/{campaignId}/cancel', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/non-responders', auth: 'staff' },
      { method: 'POST', path: '/api/events/{eventId}/attendee-message', auth: 'staff' },
    ],
    access: { table: 'readwrite', sendEmail: true, publicBaseUrl: true },
    // Promoting a waitlist or exporting a large event reads and writes for a few seconds.
    timeoutSeconds: 29,
  },
  {
    name: 'meetings-pages',
    entry: 'functions/meetings/pages.ts',
    description: 'Console pages: events, the live staff view, inviting, attendance, badges, CSV',
    routes: [
      { method: 'GET', path: '/console/events', auth: 'console' },
      { method: 'GET', path: '/console/events/new', auth: 'console' },
      { method: 'POST', path: '/console/events', auth: 'console' },
      { method: 'GET', path: '/console/events/{eventId}', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}', auth: 'console' },
      { method: 'GET', path: '/console/events/{eventId}/edit', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/publish', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/cancel', auth: 'console' },
      { method: 'GET', path: '/console/events/{eventId}/invite', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/invitations', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/attendance', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/waitlist', auth: 'console' },
      { method: 'GET', path: '/console/events/{eventId}/check-in', auth: 'console' },
      { method: 'GET', path: '/console/events/{eventId}/badges', auth: 'console' },
      { method: 'GET', path: '/console/events/{eventId}/export.csv', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/sends/{campaignId}/cancel', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/non-responders', auth: 'console' },
      { method: 'POST', path: '/console/events/{eventId}/attendee-message', auth: 'console' },
      { method: 'GET', path: '/console/events.js', auth: 'console' },
    ],
    access: { table: 'readwrite', sendEmail: true, staffIdentity: 'verify', publicBaseUrl: true },
    timeoutSeconds: 29,
  },
  {
    name: 'meeting-reactions',
    entry: 'functions/meetings/reactions.ts',
    description:
      'Reacts to meetings events: confirmations and promotions mailed, the waitlist promoted, reminders and the end scheduled, attendees told of changes',
    queue: {
      name: 'meeting-reactions',
      batchSize: 10,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 60,
      maxBatchingWindowSeconds: 0,
      subscriptions: [
        InvitationAnswered,
        WaitlistPromoted,
        SeatsReleased,
        MeetingPublished,
        MeetingChanged,
        MeetingCancelled,
      ].map((event) => ({ event })),
    },
    access: { table: 'readwrite' },
    timeoutSeconds: 30,
  },
  {
    name: 'insight-pages',
    entry: 'functions/insight/pages.ts',
    description: "Staff console: each programme's overview (who took part), its printable report and CSV",
    routes: [
      { method: 'GET', path: '/console/insight', auth: 'console' },
      { method: 'GET', path: '/console/programmes/{programmeId}/overview', auth: 'console' },
      { method: 'GET', path: '/console/programmes/{programmeId}/overview/report', auth: 'console' },
      { method: 'GET', path: '/console/programmes/{programmeId}/overview.csv', auth: 'console' },
    ],
    // Reads only: counters, the programme, a page of the directory and its markers.
    access: { table: 'read', staffIdentity: 'verify', publicBaseUrl: true },
  },
  {
    name: 'insight-recorder',
    entry: 'functions/insight/record.ts',
    description:
      "Keeps each programme's insight counters (organisations and people invited, answered, attended, gave feedback) from catalogue events",
    queue: {
      name: 'insight',
      batchSize: 10,
      // Two at a time: each count is a small transaction on the programme's counters item.
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 60,
      maxBatchingWindowSeconds: 1,
      subscriptions: [
        InvitationCreated,
        InvitationAnswered,
        AttendanceMarked,
        FeedbackAnswered,
        MeetingPublished,
        MeetingCancelled,
      ].map((event) => ({ event })),
    },
    access: { table: 'readwrite' },
    timeoutSeconds: 30,
  },
  {
    name: 'rsvp',
    entry: 'functions/meetings/rsvp.ts',
    description:
      'The RSVP page behind the signed link in an invitation: answer, waitlist, colleague, calendar; open registration (public event page, confirmation)',
    routes: [
      { method: 'GET', path: '/rsvp/{token}', auth: 'public' },
      { method: 'POST', path: '/rsvp/{token}', auth: 'public' },
      { method: 'POST', path: '/rsvp/{token}/colleague', auth: 'public' },
      { method: 'GET', path: '/rsvp/{token}/calendar.ics', auth: 'public' },
      { method: 'GET', path: '/rsvp/{token}/check-in.gif', auth: 'public' },
      // Open registration: the event's public page and form, and the mailed confirmation link.
      { method: 'GET', path: '/events/{tenantId}/{eventId}', auth: 'public' },
      { method: 'POST', path: '/events/{tenantId}/{eventId}', auth: 'public' },
      { method: 'GET', path: '/registration/confirm/{token}', auth: 'public' },
      { method: 'POST', path: '/registration/confirm/{token}', auth: 'public' },
    ],
    // mailFromAddress: the calendar file's organizer is the address the invitation came from.
    // staffIdentity: the page stack's session check comes with it (its public routes never run it).
    access: {
      table: 'readwrite',
      linkSecret: true,
      mailFromAddress: true,
      staffIdentity: 'verify',
      publicBaseUrl: true,
    },
    // An answer may wait out write conflicts on the event's counters when many answer at once.
    timeoutSeconds: 25,
  },
  {
    name: 'meeting-reminders',
    entry: 'functions/meetings/reminders.ts',
    description:
      'Sends the reminders an event scheduled (non-responders before the deadline, attendees the day before)',
    subscriptions: [{ event: MeetingReminderDue }],
    access: { table: 'readwrite' },
  },
  {
    name: 'press-api',
    entry: 'functions/press/api.ts',
    description:
      'Press releases (staff JSON API): write, schedule under embargo, publish, cancel, correct, files, preview links, vocabularies and press contacts',
    routes: [
      { method: 'GET', path: '/api/releases', auth: 'staff' },
      { method: 'POST', path: '/api/releases', auth: 'staff' },
      { method: 'GET', path: '/api/releases/{releaseId}', auth: 'staff' },
      { method: 'PUT', path: '/api/releases/{releaseId}', auth: 'staff' },
      { method: 'POST', path: '/api/releases/{releaseId}/schedule', auth: 'staff' },
      { method: 'POST', path: '/api/releases/{releaseId}/publish', auth: 'staff' },
      { method: 'POST', path: '/api/releases/{releaseId}/cancel', auth: 'staff' },
      { method: 'POST', path: '/api/releases/{releaseId}/preview-link', auth: 'staff' },
      { method: 'POST', path: '/api/releases/{releaseId}/files', auth: 'staff' },
      { method: 'POST', path: '/api/releases/{releaseId}/files/{fileId}/complete', auth: 'staff' },
      { method: 'DELETE', path: '/api/releases/{releaseId}/files/{fileId}', auth: 'staff' },
      { method: 'GET', path: '/api/press-room', auth: 'staff' },
      { method: 'PUT', path: '/api/press-room', auth: 'staff' },
      { method: 'GET', path: '/api/press-contacts', auth: 'staff' },
      { method: 'PUT', path: '/api/press-contacts', auth: 'staff' },
      { method: 'GET', path: '/api/press-subscribers', auth: 'staff' },
      { method: 'GET', path: '/api/press-subscribers/list', auth: 'staff' },
    ],
    // bucket: presigned uploads, and checking what arrived; linkSecret: signs preview links.
    access: { table: 'readwrite', bucket: 'readwrite', linkSecret: true, publicBaseUrl: true },
  },
  {
    name: 'press-pages',
    entry: 'functions/press/pages.ts',
    description: 'Console pages: press releases (list, editor, files, schedule, preview link)',
    routes: [
      { method: 'GET', path: '/console/press', auth: 'console' },
      { method: 'GET', path: '/console/press-subscribers', auth: 'console' },
      { method: 'GET', path: '/console/press-subscribers/export', auth: 'console' },
      { method: 'GET', path: '/console/press/new', auth: 'console' },
      { method: 'POST', path: '/console/press', auth: 'console' },
      { method: 'GET', path: '/console/press/{releaseId}', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}/schedule', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}/publish', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}/cancel', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}/files', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}/files/{fileId}/delete', auth: 'console' },
      { method: 'POST', path: '/console/press/{releaseId}/preview-link', auth: 'console' },
    ],
    access: {
      table: 'readwrite',
      bucket: 'readwrite',
      linkSecret: true,
      staffIdentity: 'verify',
      publicBaseUrl: true,
    },
    // A form upload of a 4 MB image is stored in S3 before the page answers.
    timeoutSeconds: 29,
  },
  {
    name: 'press-newsroom',
    entry: 'functions/press/newsroom.ts',
    description:
      "Each tenant's public newsroom: releases with filters and search, release pages, programme pages with their outcomes, press contacts, RSS/Atom/JSON feeds, sitemap, downloads, previews",
    routes: [
      { method: 'GET', path: '/press/{tenantId}', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/releases/{releaseId}', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/programmes/{programmeId}', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/contacts', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/files/{releaseId}/{fileId}', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/feed/{format}', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/topics/{topicId}/feed/{format}', auth: 'public' },
      { method: 'GET', path: '/press/{tenantId}/sitemap.xml', auth: 'public' },
      { method: 'GET', path: '/press-preview/{token}', auth: 'public' },
    ],
    // table: readwrite for the page-view counters; bucket: read, for presigned downloads;
    // linkSecret: verifies preview links; staffIdentity: the page stack's session check comes with it.
    access: {
      table: 'readwrite',
      bucket: 'read',
      linkSecret: true,
      staffIdentity: 'verify',
      publicBaseUrl: true,
    },
  },
  {
    name: 'press-subscriptions',
    entry: 'functions/press/subscriptions.ts',
    description:
      "Journalists' subscriptions: the subscribe form (double opt-in, rate-limited), confirmation, preference centre, one-click leaving",
    routes: [
      { method: 'GET', path: '/press/{tenantId}/subscribe', auth: 'public' },
      { method: 'POST', path: '/press/{tenantId}/subscribe', auth: 'public' },
      { method: 'GET', path: '/press-subscription/confirm/{token}', auth: 'public' },
      { method: 'POST', path: '/press-subscription/confirm/{token}', auth: 'public' },
      { method: 'GET', path: '/press-subscription/unsubscribe/{token}', auth: 'public' },
      { method: 'POST', path: '/press-subscription/unsubscribe/{token}', auth: 'public' },
      { method: 'GET', path: '/press-subscription/{token}', auth: 'public' },
      { method: 'POST', path: '/press-subscription/{token}', auth: 'public' },
    ],
    // linkSecret: signs and verifies the confirmation, preference and unsubscribe links;
    // staffIdentity: the page stack's session check comes with it (its public routes never run it).
    access: { table: 'readwrite', linkSecret: true, staffIdentity: 'verify', publicBaseUrl: true },
  },
  {
    name: 'press-distributor',
    entry: 'functions/press/distributor.ts',
    description:
      'Mails a release to the subscribers who follow its topics or regions, once: under embargo when scheduled so, else when published',
    queue: {
      name: 'press-distributor',
      batchSize: 10,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 60,
      subscriptions: [{ event: ReleaseScheduled }, { event: ReleasePublished }],
    },
    access: { table: 'readwrite', publicBaseUrl: true },
  },
  {
    name: 'press-publisher',
    entry: 'functions/press/publisher.ts',
    description: "Publishes a scheduled release when its time has come (its one-time schedule's event)",
    subscriptions: [{ event: ReleasePublishDue }],
    access: { table: 'readwrite' },
  },
  {
    name: 'feedback-api',
    entry: 'functions/feedback/api.ts',
    description:
      'Feedback forms (staff JSON API): forms on the programme themes, versions, analysis from counters, answers paged, codes, quotes, moderation',
    routes: [
      { method: 'GET', path: '/api/forms', auth: 'staff' },
      { method: 'POST', path: '/api/forms', auth: 'staff' },
      { method: 'GET', path: '/api/forms/{formId}', auth: 'staff' },
      { method: 'PUT', path: '/api/forms/{formId}', auth: 'staff' },
      { method: 'POST', path: '/api/forms/{formId}/close', auth: 'staff' },
      { method: 'GET', path: '/api/forms/{formId}/analysis', auth: 'staff' },
      { method: 'GET', path: '/api/forms/{formId}/answers', auth: 'staff' },
      { method: 'POST', path: '/api/forms/{formId}/answers/{answerRef}', auth: 'staff' },
    ],
    access: { table: 'readwrite' },
  },
  {
    name: 'feedback-answer',
    entry: 'functions/feedback/answer.ts',
    description:
      "Feedback answer pages: attributed through a contact's signed link (one answer, editable until closing), anonymous through the public link",
    routes: [
      { method: 'GET', path: '/feedback/{token}', auth: 'public' },
      { method: 'POST', path: '/feedback/{token}', auth: 'public' },
      { method: 'GET', path: '/forms/{tenantId}/{formId}', auth: 'public' },
      { method: 'POST', path: '/forms/{tenantId}/{formId}', auth: 'public' },
      { method: 'GET', path: '/forms/{tenantId}/{formId}/summary', auth: 'public' },
    ],
    // staffIdentity: the page stack's session check comes with it (its public routes never run it).
    access: { table: 'readwrite', linkSecret: true, staffIdentity: 'verify', publicBaseUrl: true },
  },
  {
    name: 'feedback-follow-up',
    entry: 'functions/feedback/follow-up.ts',
    description:
      'After an event ends: schedules each attached form\'s follow-up, then mails attendees a thank-you and the absent a "we missed you", each once, with their own feedback link',
    queue: {
      name: 'feedback-follow-up',
      batchSize: 1,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 180,
      subscriptions: [{ event: MeetingEnded }, { event: FollowUpDue }],
    },
    access: { table: 'readwrite', linkSecret: true, publicBaseUrl: true },
    // A large event queues a mail per invitee.
    timeoutSeconds: 120,
  },
  {
    name: 'feedback-hear-back',
    entry: 'functions/feedback/hear-back.ts',
    description:
      'Closing the loop: when an outcome on a theme or a release tagged with it is published, mails each feedback giver on the theme who asked to hear back, once',
    queue: {
      name: 'feedback-hear-back',
      batchSize: 1,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 180,
      subscriptions: [{ event: OutcomePublished }, { event: ReleasePublished }],
    },
    access: { table: 'readwrite', publicBaseUrl: true },
    // A theme with many givers queues a mail each.
    timeoutSeconds: 120,
  },
  {
    name: 'feedback-pages',
    entry: 'functions/feedback/pages.ts',
    description: 'Console pages: feedback forms, the editor, the analysis per theme, moderation, CSV export',
    routes: [
      { method: 'GET', path: '/console/forms', auth: 'console' },
      { method: 'GET', path: '/console/forms/new', auth: 'console' },
      { method: 'POST', path: '/console/forms', auth: 'console' },
      { method: 'GET', path: '/console/forms/{formId}', auth: 'console' },
      { method: 'POST', path: '/console/forms/{formId}', auth: 'console' },
      { method: 'GET', path: '/console/forms/{formId}/edit', auth: 'console' },
      { method: 'POST', path: '/console/forms/{formId}/close', auth: 'console' },
      { method: 'POST', path: '/console/forms/{formId}/answers/{answerRef}', auth: 'console' },
      { method: 'GET', path: '/console/forms/{formId}/export.csv', auth: 'console' },
      { method: 'POST', path: '/console/forms/{formId}/publication', auth: 'console' },
      { method: 'GET', path: '/console/forms/{formId}/live', auth: 'console' },
    ],
    access: { table: 'readwrite', staffIdentity: 'verify', publicBaseUrl: true },
    timeoutSeconds: 29,
  },
  {
    name: 'privacy-pages',
    entry: 'functions/privacy/pages.ts',
    description:
      "Console pages (admins only): the register of data subjects' requests with their due dates, and the audit log",
    routes: [
      { method: 'GET', path: '/console/privacy', auth: 'console' },
      { method: 'POST', path: '/console/privacy/requests', auth: 'console' },
      { method: 'GET', path: '/console/privacy/requests/{requestId}', auth: 'console' },
      { method: 'POST', path: '/console/privacy/requests/{requestId}/status', auth: 'console' },
      { method: 'POST', path: '/console/privacy/requests/{requestId}/export', auth: 'console' },
      { method: 'POST', path: '/console/privacy/requests/{requestId}/erase', auth: 'console' },
      { method: 'POST', path: '/console/privacy/requests/{requestId}/carry-out', auth: 'console' },
      { method: 'POST', path: '/console/privacy/archive', auth: 'console' },
      { method: 'POST', path: '/console/privacy/retention', auth: 'console' },
      { method: 'GET', path: '/console/privacy/audit', auth: 'console' },
      // The keep link of a retention notice (public: its signed token is the credential).
      { method: 'GET', path: '/keep/{token}', auth: 'public' },
      { method: 'POST', path: '/keep/{token}', auth: 'public' },
    ],
    // linkSecret: the key of the hash by which the register and the audit log refer to a person,
    // and the signature of export links.
    // gsi2: the export link counts the person's mail delivery records through the recipients' index.
    // auditWriter: records requests, exports, rule changes and kept contacts in the audit log.
    access: {
      table: 'readwrite',
      tableIndexes: ['gsi2'],
      linkSecret: true,
      staffIdentity: 'verify',
      publicBaseUrl: true,
      auditWriter: true,
    },
  },
  {
    name: 'privacy-export',
    entry: 'functions/privacy/export.ts',
    description: "A person's export (Art. 15/20) behind its signed, seven-day link: a readable page and JSON",
    routes: [
      { method: 'GET', path: '/privacy-export/{token}', auth: 'public' },
      { method: 'GET', path: '/privacy-export/{token}/json', auth: 'public' },
    ],
    // read: it gathers what every capability holds, by key (mail sent: the recipients' index gsi2); linkSecret: verifies the link;
    // staffIdentity: the page stack's session check comes with it (its public routes never run it).
    access: {
      table: 'read',
      tableIndexes: ['gsi2'],
      linkSecret: true,
      staffIdentity: 'verify',
      publicBaseUrl: true,
    },
  },
  {
    name: 'privacy-eraser',
    entry: 'functions/privacy/eraser.ts',
    description:
      "Erasure requests (step by step, resumable, idempotent), each tenant's nightly retention rules, staff's bulk downloads in the audit log, and contacts' engagement (answers, opened invitations, feedback, press subscriptions) for the inactivity rule",
    queue: {
      name: 'privacy-erasure',
      batchSize: 1,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 180,
      subscriptions: [
        { event: ErasureRequested },
        { event: RetentionDue },
        { event: BulkExported },
        // Engagement, for the retention rule "contacts without any engagement for N months".
        { event: InvitationAnswered },
        { event: InvitationOpened },
        { event: FeedbackAnswered },
        { event: SubscriptionConfirmed },
      ],
    },
    // linkSecret: the key of the erased-address hash the sender checks; tableBatchWrite: retention
    // deletes a finished mailing's delivery records 25 at a time.
    // gsi2: the person's delivery records, which the erasure deletes; and the retention rule's
    // contacts by last engagement (T#<t>#ENGAGED / T#<t>#NOTICED: only the due ones).
    // auditWriter: erasures, retention runs and bulk downloads go to the audit log.
    access: {
      table: 'readwrite',
      tableIndexes: ['gsi2'],
      tableBatchWrite: true,
      linkSecret: true,
      auditWriter: true,
    },
    // One GetItem per event and form of the tenant, then the writes of each step.
    timeoutSeconds: 120,
  },
];
