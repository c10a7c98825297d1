import { MAIL_QUEUE } from '../shared/domain/mail/queues.js';
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
  ProgrammeCreated,
  ProgrammeUpdated,
  ReminderDue,
} from '../shared/events/catalogue.js';
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
    access: {},
  },
  {
    name: 'console-pages',
    entry: 'functions/console/pages.ts',
    description: 'Staff console: signed-in layout, dashboard, programmes',
    routes: [
      { method: 'GET', path: '/', auth: 'public' },
      { method: 'GET', path: '/console', auth: 'console' },
      { method: 'GET', path: '/console/programmes/{programmeId}', auth: 'console' },
      { method: 'POST', path: '/console/language', auth: 'console' },
    ],
    access: { table: 'read' },
  },
  {
    name: 'staff-api',
    entry: 'functions/platform/staff-api.ts',
    description: 'Who am I, and reminders at a set time',
    routes: [
      { method: 'GET', path: '/api/me', auth: 'staff' },
      { method: 'POST', path: '/api/reminders', auth: 'staff' },
      { method: 'GET', path: '/api/activity', auth: 'staff' },
    ],
    access: { table: 'readwrite' },
  },
  {
    name: 'programmes-api',
    entry: 'functions/programmes/api.ts',
    description: 'Programmes and their themes (staff JSON API)',
    routes: [
      { method: 'GET', path: '/api/programmes', auth: 'staff' },
      { method: 'POST', path: '/api/programmes', auth: 'staff' },
      { method: 'GET', path: '/api/programmes/{programmeId}', auth: 'staff' },
      { method: 'PUT', path: '/api/programmes/{programmeId}', auth: 'staff' },
    ],
    access: { table: 'readwrite', publish: true },
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
    access: { table: 'readwrite', publish: true },
  },
  {
    name: 'mail-api',
    entry: 'functions/mail/api.ts',
    description: 'Campaigns (create, preview, send, follow), suppressions, sending state, dead letters',
    routes: [
      { method: 'GET', path: '/api/campaigns', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns', auth: 'staff' },
      { method: 'GET', path: '/api/campaigns/{campaignId}', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns/{campaignId}/preview', auth: 'staff' },
      { method: 'POST', path: '/api/campaigns/{campaignId}/send', auth: 'staff' },
      { method: 'GET', path: '/api/campaigns/{campaignId}/deliveries', auth: 'staff' },
      { method: 'GET', path: '/api/mail/suppressions', auth: 'staff' },
      { method: 'DELETE', path: '/api/mail/suppressions/{addressKey}', auth: 'staff' },
      { method: 'GET', path: '/api/mail/sending', auth: 'staff' },
      { method: 'POST', path: '/api/mail/sending/resume', auth: 'staff' },
      { method: 'POST', path: '/api/mail/dead-letters/redrive', auth: 'staff' },
    ],
    access: { table: 'readwrite', publish: true, redriveQueues: ['mail'] },
  },
  {
    name: 'campaign-expander',
    entry: 'functions/mail/expand-campaign.ts',
    description: "Expands a campaign's audience, page by page, into deliveries and send messages",
    queue: {
      name: 'campaign-expansion',
      batchSize: 1,
      maxConcurrency: 2,
      maxReceives: 5,
      visibilityTimeoutSeconds: 180,
      subscriptions: [{ event: CampaignSendRequested }],
    },
    access: { table: 'readwrite', sendToQueues: ['mail', 'campaign-expansion'] },
    timeoutSeconds: 120,
  },
  {
    name: 'mail-sender',
    entry: 'functions/mail/send.ts',
    description: 'Sends queued deliveries through SES at the account rate, each exactly once',
    queue: MAIL_QUEUE,
    access: { table: 'readwrite', sendEmail: true, linkSecret: true },
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
    access: { table: 'readwrite', linkSecret: true },
  },
];
