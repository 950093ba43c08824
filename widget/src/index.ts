import { pickLanguage } from './i18n';
import { Widget, type WidgetOptions } from './widget';

// Entry point: one <script src=".../widget.js" data-tenant="…" async> = one widget. Nothing but the
// launcher is built here; no network and no storage until the user opens the chat.

type Target = string | number | undefined;

export interface WelcomeDeskApi {
  /** Every widget on the page, in the order their scripts ran. */
  readonly instances: Widget[];
  open(target?: Target): void;
  close(target?: Target): void;
  setLanguage(code: string, target?: Target): void;
  destroy(target?: Target): void;
}

declare global {
  interface Window { WelcomeDesk?: WelcomeDeskApi }
}

function find(api: WelcomeDeskApi, target: Target): Widget[] {
  if (target === undefined) return api.instances.slice();
  if (typeof target === 'number') return api.instances[target] ? [api.instances[target]] : [];
  return api.instances.filter((w) => w.opts.tenant === target || w.opts.key === target);
}

function createApi(): WelcomeDeskApi {
  const api: WelcomeDeskApi = {
    instances: [],
    // open() with several widgets opens the first match only: two panels would overlap.
    open: (t) => find(api, t)[0]?.open(),
    close: (t) => find(api, t).forEach((w) => w.close()),
    setLanguage: (code, t) => find(api, t).forEach((w) => w.setLanguage(code)),
    destroy: (t) => {
      for (const w of find(api, t)) {
        w.destroy();
        api.instances.splice(api.instances.indexOf(w), 1);
      }
    },
  };
  return api;
}

function readOptions(script: HTMLScriptElement, api: WelcomeDeskApi): WidgetOptions {
  const data = script.dataset;
  const tenant = (data.tenant ?? '').trim() || 'default';
  const same = api.instances.filter((w) => w.opts.tenant === tenant).length;
  const flag = (v: string | undefined) => v !== undefined && v !== 'false' && v !== '0';
  return {
    tenant,
    origin: new URL(script.src, location.href).origin,
    language: pickLanguage(data.language, document.documentElement.lang, navigator.languages ?? [navigator.language]),
    position: /left/i.test(data.position ?? '') ? 'left' : 'right',
    color: data.color ?? null,
    title: data.title?.trim() || null,
    open: flag(data.open),
    key: data.id?.trim() || (same ? `${tenant}-${same + 1}` : tenant),
  };
}

function boot(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) return;
  const api = (window.WelcomeDesk ??= createApi());
  const start = () => api.instances.push(new Widget(readOptions(script, api)));
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

boot();
