import { createHash } from 'node:crypto';
import { h } from 'preact';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { tenantIdField } from '../../shared/platform/bus/contract.js';
import { notFound } from '../../shared/platform/http/errors.js';
import { htmlPages, type PageRequest, publicPage, tokenPage } from '../../shared/platform/http/html-pages.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { getTenant, type Tenant } from '../../shared/platform/tenants/store.js';
import { languageSchema } from '../../shared/platform/texts/language.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import {
  preferencesUrl,
  subscribe,
  subscribeAllowed,
  subscriberOfConfirmLink,
  subscriberOfLink,
} from '../../shared/press/actions/subscriptions.js';
import {
  ConfirmPage,
  PreferencesPage,
  SubscribePage,
  UnsubscribePage,
} from '../../shared/press/pages/subscriptions.js';
import { getPressSettings } from '../../shared/press/store/settings.js';
import { changePreferences, confirmSubscription, leave } from '../../shared/press/store/subscribers.js';
import {
  preferencesSchema,
  subscribeInputSchema,
  subscriptionVocabularyProblems,
} from '../../shared/press/subscription.js';
import { subscriptionTexts } from '../../shared/press/subscription-texts.js';

/*
 * A journalist's side of the newsroom: subscribe (double opt-in), confirm, the preference centre
 * and one-click leaving. Every token page answers a bad, expired, foreign or spent link with the
 * same 404 as an unknown address; the subscribe form answers the same whatever the address.
 */

async function tenantOf(request: PageRequest): Promise<Tenant> {
  const id = tenantIdField.safeParse(request.event.pathParameters?.tenantId);
  const tenant = id.success ? await getTenant(id.data) : undefined;
  if (!tenant) throw notFound();
  return tenant;
}

const common = (request: PageRequest, tenant: Tenant) => ({
  language: request.language,
  tenantId: tenant.tenantId,
  tenantName: tenant.name,
  brand: pageBrand(tenant),
});

type Field = 'email' | 'name' | 'outlet' | 'topics' | 'regions' | 'language';
const fields = new Set<string>(['email', 'name', 'outlet', 'topics', 'regions', 'language']);

export const handler = htmlPages(
  {
    'GET /press/{tenantId}/subscribe': publicPage(async (request) => {
      const tenant = await tenantOf(request);
      const settings = await getPressSettings(tenant.tenantId);
      return {
        kind: 'page',
        body: h(SubscribePage, { ...common(request, tenant), settings, csrfToken: request.csrfToken }),
      };
    }),

    'POST /press/{tenantId}/subscribe': publicPage(async (request) => {
      const tenant = await tenantOf(request);
      const settings = await getPressSettings(tenant.tenantId);
      const { form, formLists } = request;
      const page = (extra: Partial<Parameters<typeof SubscribePage>[0]>, status?: number) => ({
        kind: 'page' as const,
        ...(status ? { status } : {}),
        body: h(SubscribePage, {
          ...common(request, tenant),
          settings,
          csrfToken: request.csrfToken,
          ...extra,
        }),
      });
      // The honeypot: a robot gets the same answer as anyone, and nothing happens.
      if ((form.website ?? '') !== '') return page({ state: 'sent' });
      const values = {
        email: form.email ?? '',
        name: form.name ?? '',
        outlet: form.outlet ?? '',
        topics: formLists.topics ?? [],
        regions: formLists.regions ?? [],
      };
      const parsed = subscribeInputSchema.safeParse({
        ...values,
        outlet: values.outlet === '' ? undefined : values.outlet,
        language: form.language,
      });
      const errors: Partial<Record<Field, true>> = {};
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          if (fields.has(field)) errors[field as Field] = true;
        }
      else
        for (const problem of subscriptionVocabularyProblems(parsed.data, settings))
          errors[problem.field.replace('body.', '') as Field] = true;
      if (!parsed.success || Object.keys(errors).length > 0) return page({ errors, values }, 422);
      // The client is its signed form token, hashed: no IP address or email is kept for this.
      const client = createHash('sha256').update(request.csrfToken).digest('base64url').slice(0, 22);
      if (!(await subscribeAllowed(tenant.tenantId, client))) return page({ state: 'too-fast', values }, 429);
      await subscribe(tenant, parsed.data, {
        at: new Date().toISOString(),
        source: 'newsroom-form',
        language: request.language,
        text: subscriptionTexts[request.language].consent(tenant.name),
      });
      return page({ state: 'sent' });
    }),

    'GET /press-subscription/confirm/{token}': tokenPage(async (request) => {
      const found = await subscriberOfConfirmLink(request.event.pathParameters?.token);
      const tenant = found ? await getTenant(found.claims.tenantId) : undefined;
      if (!found || !tenant) throw notFound();
      const language = found.subscriber.language;
      return {
        kind: 'page',
        body: h(ConfirmPage, {
          ...common({ ...request, language }, tenant),
          state: found.subscriber.status === 'confirmed' ? 'done' : 'confirm',
          action: request.event.rawPath,
        }),
      };
    }),

    'POST /press-subscription/confirm/{token}': tokenPage(async (request) => {
      const found = await subscriberOfConfirmLink(request.event.pathParameters?.token);
      const tenant = found ? await getTenant(found.claims.tenantId) : undefined;
      if (!found || !tenant) throw notFound();
      const confirmed = await confirmSubscription(tenant.tenantId, found.subscriber.subscriberId);
      if (!confirmed) throw notFound();
      logger.info('press subscription confirmed', {
        tenantId: tenant.tenantId,
        subscriberId: confirmed.subscriberId,
      });
      return {
        kind: 'page',
        body: h(ConfirmPage, {
          ...common({ ...request, language: confirmed.language }, tenant),
          state: 'done',
          preferencesHref: await preferencesUrl(tenant.tenantId, confirmed.subscriberId),
        }),
      };
    }),

    'GET /press-subscription/{token}': tokenPage(async (request) => {
      const found = await subscriberOfLink(request.event.pathParameters?.token, 'preferences');
      const tenant = found ? await getTenant(found.claims.tenantId) : undefined;
      if (!found || !tenant) throw notFound();
      const { subscriber } = found;
      return {
        kind: 'page',
        body: h(PreferencesPage, {
          ...common({ ...request, language: subscriber.language }, tenant),
          settings: await getPressSettings(tenant.tenantId),
          action: request.event.rawPath,
          preferences: subscriber,
        }),
      };
    }),

    'POST /press-subscription/{token}': tokenPage(async (request) => {
      const found = await subscriberOfLink(request.event.pathParameters?.token, 'preferences');
      const tenant = found ? await getTenant(found.claims.tenantId) : undefined;
      if (!found || !tenant) throw notFound();
      const { subscriber } = found;
      const settings = await getPressSettings(tenant.tenantId);
      if (request.form.action === 'leave') {
        await leave(tenant.tenantId, subscriber.subscriberId, 'preference-centre');
        return {
          kind: 'page',
          body: h(PreferencesPage, {
            ...common({ ...request, language: subscriber.language }, tenant),
            settings,
            action: request.event.rawPath,
            state: 'left',
            preferences: subscriber,
          }),
        };
      }
      const language = languageSchema.safeParse(request.form.language);
      const posted = {
        topics: request.formLists.topics ?? [],
        regions: request.formLists.regions ?? [],
        language: language.success ? language.data : subscriber.language,
        paused: request.form.paused === 'yes',
      };
      const parsed = preferencesSchema.safeParse(posted);
      const invalid =
        !parsed.success ||
        subscriptionVocabularyProblems(parsed.data, settings).length > 0 ||
        !language.success;
      if (!parsed.success || invalid) {
        return {
          kind: 'page',
          status: 422,
          body: h(PreferencesPage, {
            ...common({ ...request, language: subscriber.language }, tenant),
            settings,
            action: request.event.rawPath,
            invalidTopics: true,
            preferences: { ...subscriber, ...posted },
          }),
        };
      }
      const changed = await changePreferences(tenant.tenantId, subscriber.subscriberId, parsed.data);
      if (!changed) throw notFound();
      return {
        kind: 'page',
        body: h(PreferencesPage, {
          ...common({ ...request, language: changed.language }, tenant),
          settings,
          action: request.event.rawPath,
          state: 'saved',
          preferences: changed,
        }),
      };
    }),

    'GET /press-subscription/unsubscribe/{token}': tokenPage(async (request) => {
      const found = await subscriberOfLink(request.event.pathParameters?.token, 'unsubscribe');
      const tenant = found ? await getTenant(found.claims.tenantId) : undefined;
      if (!found || !tenant) throw notFound();
      return {
        kind: 'page',
        body: h(UnsubscribePage, {
          ...common({ ...request, language: found.subscriber.language }, tenant),
          state: 'confirm',
          action: request.event.rawPath,
        }),
      };
    }),

    /** RFC 8058: the mail client's one-click POST (no cookies), or the page's button. */
    'POST /press-subscription/unsubscribe/{token}': tokenPage(async (request) => {
      const found = await subscriberOfLink(request.event.pathParameters?.token, 'unsubscribe');
      const tenant = found ? await getTenant(found.claims.tenantId) : undefined;
      if (!found || !tenant) throw notFound();
      const oneClick = request.form['List-Unsubscribe'] === 'One-Click';
      await leave(
        tenant.tenantId,
        found.subscriber.subscriberId,
        `${oneClick ? 'one-click' : 'page'}:${found.claims.campaignId ?? ''}`,
      );
      logger.info('press subscriber left', {
        tenantId: tenant.tenantId,
        subscriberId: found.subscriber.subscriberId,
        oneClick,
      });
      return {
        kind: 'page',
        body: h(UnsubscribePage, {
          ...common({ ...request, language: found.subscriber.language }, tenant),
          state: 'done',
        }),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
  // The subscribe form's CSRF token is signed with the link secret (a key derived for that use only).
  { formTokenSecret: () => requireEnv('LINK_SIGNING_SECRET') },
);
