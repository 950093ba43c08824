// The clerk's console at /admin (issue 12): sign-in, then the inbox, questions, local information, figures and audit log.
import { api, setCsrfToken, setUnauthorizedHandler } from './api';
import type { Ctx } from './context';
import { leaveView, renderShell } from './shell';
import { renderSignIn } from './signin';
import { initialLanguage, setUiLanguage, t, type UiLanguage } from './strings';
import type { SessionResponse, User } from './types';

const LANG_KEY = 'wd-console-lang';
const root = document.getElementById('app') ?? document.body;
let ctx: Ctx | null = null;

function applyLanguage(lang: UiLanguage) {
  setUiLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

function showApp(user: User) {
  ctx = { user, tenant: ctx?.user.id === user.id ? ctx.tenant : null };
  renderShell(root, ctx, {
    setLanguage(lang) {
      applyLanguage(lang);
      showApp(user);
      document.getElementById('ui-lang')?.focus();
    },
    signedOut() {
      leaveView();
      setCsrfToken('');
      signIn();
    },
  });
}

function signIn(notice?: string) {
  leaveView();
  renderSignIn(root, showApp, (lang) => {
    applyLanguage(lang);
    signIn(notice);
    document.getElementById('ui-lang')?.focus();
  }, notice);
}

async function boot() {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(LANG_KEY);
  } catch {
    saved = null;
  }
  applyLanguage(initialLanguage(saved, navigator.language));
  setUnauthorizedHandler(() => signIn(ctx ? t('sessionEnded') : undefined));
  try {
    const s = await api<SessionResponse>('GET', '/api/admin/session', undefined, { quiet401: true });
    setCsrfToken(s.csrfToken);
    showApp(s.user);
  } catch {
    signIn();
  }
}

void boot();
