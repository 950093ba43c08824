import type { Theme } from './contrast';

// All widget CSS lives in the shadow root (nothing leaks out, page rules cannot reach in).
// Delivered as a constructable stylesheet, which a strict CSP (no 'unsafe-inline') allows.

export function css(t: Theme, position: 'left' | 'right'): string {
  const side = position;
  return `
:host{all:initial}
*{box-sizing:border-box}
.root{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",Arial,sans-serif;color:#1b1f24;letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:start;text-indent:0;-webkit-font-smoothing:antialiased}
button,input,select,textarea{font:inherit;color:inherit;letter-spacing:inherit;margin:0}
button{cursor:pointer}
a{color:${t.accent};text-decoration:underline}
:focus{outline:none}
:focus-visible{outline:3px solid ${t.accent};outline-offset:2px}
.sr{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.launcher{position:fixed;bottom:20px;${side}:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:52px;padding:10px 18px;border:2px solid ${t.fg};border-radius:28px;background:${t.bg};color:${t.fg};font-weight:600;box-shadow:0 4px 16px rgba(0,0,0,.3)}
.launcher:focus-visible{outline:3px solid ${t.bg};outline-offset:3px;box-shadow:0 0 0 3px #fff,0 0 0 6px #000}
.launcher svg{width:22px;height:22px;fill:currentColor;flex:none}
.panel{position:fixed;bottom:86px;${side}:20px;z-index:2147483001;display:flex;flex-direction:column;width:390px;max-width:calc(100vw - 40px);height:620px;max-height:calc(100vh - 110px);background:#fff;border:1px solid #8a939e;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden}
.panel[hidden]{display:none}
@media (max-width:480px),(max-height:520px){.panel{top:0;left:0;right:0;bottom:0;width:100%;height:100%;max-width:none;max-height:none;border-radius:0;border:0}.open .launcher{display:none}}
.head{display:flex;align-items:center;gap:6px;padding:10px 12px;background:${t.bg};color:${t.fg}}
.head :focus-visible{outline-color:${t.fg}}
.head h2{flex:1;margin:0;font-size:17px;line-height:1.3;font-weight:700;min-width:0;overflow-wrap:anywhere}
.icon{display:inline-flex;align-items:center;justify-content:center;min-width:40px;min-height:40px;padding:0;border:0;border-radius:8px;background:transparent;color:inherit}
.icon:hover{background:rgba(127,127,127,.25)}
.icon svg{width:20px;height:20px;fill:currentColor}
.lang{max-width:130px;min-height:36px;padding:4px 6px;border:1px solid ${t.fg};border-radius:8px;background:${t.bg};color:${t.fg}}
.status{margin:0;padding:6px 12px;background:#fff4ce;color:#3d3200;font-size:14px}
.status[hidden]{display:none}
.log{position:relative;flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;overscroll-behavior:contain}
.msg{max-width:88%;padding:9px 12px;border-radius:12px;overflow-wrap:anywhere}
.msg p{margin:0 0 8px}.msg p:last-child{margin-bottom:0}
.msg ul,.msg ol{margin:4px 0 8px;padding-inline-start:20px}
.bot,.notice{align-self:flex-start;background:#f0f2f5;border-start-start-radius:4px}
.notice{border:1px solid #8a939e}
.clerk{border-inline-start:4px solid #1f5fbf}.who{display:block;font-size:12px;font-weight:600;color:#1f4f99;margin-bottom:2px}
.user{align-self:flex-end;background:${t.bg};color:${t.fg};border-start-end-radius:4px;white-space:pre-wrap}
.user .note{display:block;font-size:13px;font-style:italic}
.typing{align-self:flex-start;color:#4a525c;font-style:italic;font-size:14px}
.chips{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;list-style:none}
.chip{min-height:40px;padding:6px 14px;border:2px solid ${t.accent};border-radius:20px;background:#fff;color:${t.accent};font-weight:600}
.chip:hover{background:#f0f2f5}
.crisis{border:2px solid #b00020}
.calls{display:flex;flex-direction:column;gap:8px;margin:0 0 10px}
.call-btn{display:flex;align-items:center;gap:12px;min-height:56px;padding:8px 14px;border-radius:12px;background:#b00020;color:#fff;text-decoration:none;font-weight:700}
.call-btn:not(.first){background:#fff;color:#8a0019;border:2px solid #b00020}
.call-btn .num{font-size:24px;line-height:1.1;white-space:nowrap}
.call-btn .what{font-size:14px;font-weight:600}
.call-btn:focus-visible{outline:3px solid #000;outline-offset:2px}
.cards{list-style:none;margin:10px 0 0;padding:0;display:flex;flex-direction:column;gap:8px}
.card{padding:8px 10px;background:#fff;border:1px solid #8a939e;border-radius:10px}
.card .name{display:block}.card .addr,.card .desc,.card .hours{display:block;font-size:14px;color:#3b434c}
.more{margin-top:8px;min-height:36px;padding:4px 12px;border:1px solid ${t.accent};border-radius:18px;background:#fff;color:${t.accent};font-weight:600}
.more-body{margin-top:8px}
.actions{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}
.act{display:inline-flex;align-items:center;min-height:36px;padding:4px 10px;border:1px solid ${t.accent};border-radius:18px;font-size:14px;text-decoration:none;background:#fff}
.act:hover{text-decoration:underline}
.sources{margin-top:10px;font-size:14px;color:#3b434c}
.sources-h{font-weight:700}
.sources ul{margin:2px 0 0}
.fb{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:10px;font-size:14px;color:#3b434c}
.fb button,.btn{min-height:36px;padding:4px 12px;border:1px solid ${t.accent};border-radius:18px;background:#fff;color:${t.accent}}
.fb button[aria-pressed=true]{background:${t.accent};color:#fff}
.btn.primary{background:${t.accent};color:#fff}
.compose{display:flex;gap:8px;align-items:flex-end;padding:10px 12px;border-top:1px solid #c8cdd3}
.compose textarea{flex:1;min-height:44px;max-height:120px;padding:10px;border:1px solid #6b7580;border-radius:10px;resize:none;background:#fff}
.compose textarea::placeholder{color:#5b636c}
.send{min-width:44px;min-height:44px;border:0;border-radius:10px;background:${t.bg};color:${t.fg}}
.send:focus-visible{outline-color:#000;box-shadow:0 0 0 2px #fff}
.send svg{width:20px;height:20px;fill:currentColor}
[dir=rtl] .send svg{transform:scaleX(-1)}
.foot{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;justify-content:space-between;padding:0 12px 10px;font-size:14px}
.foot label{display:inline-flex;align-items:center;gap:6px;min-height:32px}
.foot input{width:18px;height:18px;accent-color:${t.accent}}
.handover{display:flex;flex-direction:column;gap:6px;padding:10px 12px;border-top:1px solid #c8cdd3;font-size:14px}
.handover[hidden]{display:none}
.handover input{min-height:40px;padding:6px 10px;border:1px solid #6b7580;border-radius:8px}
.handover .row{display:flex;gap:8px;flex-wrap:wrap}
@media (prefers-reduced-motion:no-preference){.panel:not(.still){animation:wd-in .15s ease-out}@keyframes wd-in{from{opacity:0;transform:translateY(8px)}}}
@media (forced-colors:active){.launcher,.panel,.msg,.chip,.act,.send{border:1px solid CanvasText}}
`;
}

/** Adopts the sheet (CSP-safe); falls back to a <style> element where constructable sheets are missing. */
export function applyStyles(root: ShadowRoot, text: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = text;
    root.appendChild(style);
  }
}
