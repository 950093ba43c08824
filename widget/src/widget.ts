import { Chat } from './chat';
import { themeFor } from './contrast';
import { h } from './dom';
import { dirOf, isLang, strings, type Lang } from './i18n';
import { icon, ICON_CHAT } from './panel';
import { applyStyles, css } from './styles';

export interface WidgetOptions {
  tenant: string;
  /** Where the API lives: the script's own origin. */
  origin: string;
  language: Lang;
  position: 'left' | 'right';
  color: string | null;
  title: string | null;
  open: boolean;
  /** Storage key suffix; distinct per widget on the page. */
  key: string;
}

// Host-page CSS cannot reach into the shadow root, but it can style the host element itself:
// inline !important declarations (set through CSSOM, which CSP allows) beat any page rule.
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'], ['display', 'block'], ['position', 'fixed'], ['top', '0'], ['left', '0'],
  ['width', '0'], ['height', '0'], ['overflow', 'visible'], ['z-index', '2147483000'], ['visibility', 'visible'],
];

/** One embedded widget: its own shadow root, launcher, and (once opened) chat. */
export class Widget {
  readonly host: HTMLElement;
  private readonly wrap: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly label: HTMLElement;
  private chat: Chat | null = null;
  private lang: Lang;
  private isOpen = false;

  constructor(readonly opts: WidgetOptions) {
    this.lang = opts.language;
    this.host = document.createElement('welcome-desk');
    for (const [prop, value] of HOST_STYLE) this.host.style.setProperty(prop, value, 'important');
    this.host.setAttribute('data-tenant', opts.tenant);
    const root = this.host.attachShadow({ mode: 'open' });
    applyStyles(root, css(themeFor(opts.color), opts.position));
    this.label = h('span', {});
    this.launcher = h('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', onclick: () => this.toggle() },
      icon(ICON_CHAT), this.label);
    this.wrap = h('div', { class: 'root' }, this.launcher);
    // Esc anywhere in the widget (panel or launcher) closes the panel; focus returns to the launcher.
    this.wrap.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.isOpen) {
        e.stopPropagation();
        this.close();
      }
    });
    root.appendChild(this.wrap);
    this.applyLanguage();
    (document.body ?? document.documentElement).appendChild(this.host);
    if (opts.open) this.open();
  }

  get language(): Lang { return this.lang; }
  get opened(): boolean { return this.isOpen; }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  /** First open: builds the panel, reads storage, connects. Nothing of that happens before. */
  open(): void {
    if (this.isOpen || !this.host.isConnected) return;
    if (!this.chat) {
      this.chat = new Chat(this.opts, this.lang, {
        close: () => this.close(),
        language: (lang) => this.setLanguage(lang),
      });
      this.wrap.appendChild(this.chat.panelElement);
      this.launcher.setAttribute('aria-controls', 'wd-panel');
      this.lang = this.chat.language;
      this.applyLanguage();
    }
    this.isOpen = true;
    this.wrap.classList.add('open');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.chat.show();
  }

  close(): void {
    if (!this.isOpen || !this.chat) return;
    this.isOpen = false;
    this.wrap.classList.remove('open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.chat.hide();
    this.launcher.focus();
  }

  setLanguage(code: string): void {
    if (!isLang(code) || code === this.lang) return;
    this.lang = code;
    this.applyLanguage();
    if (this.chat) {
      const old = this.chat.panelElement;
      this.chat.setLanguage(code);
      old.replaceWith(this.chat.panelElement);
      if (this.isOpen) this.chat.show(true);
    }
  }

  destroy(): void {
    this.chat?.destroy();
    this.chat = null;
    this.host.remove();
  }

  private applyLanguage(): void {
    const s = strings(this.lang);
    this.wrap.setAttribute('lang', this.lang);
    this.wrap.setAttribute('dir', dirOf(this.lang));
    this.label.textContent = s.launcher;
  }
}
