// A small W3C WebDriver client over fetch — enough to drive the real 工会账本 window through
// tauri-driver + WebKitWebDriver. No dependencies.
import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Session {
  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  static async create(base, application, args) {
    const res = await request(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    return new Session(base, res.sessionId);
  }

  cmd(method, path, body) {
    return request(this.base, method, `/session/${this.id}${path}`, body);
  }

  async close() {
    try {
      await this.cmd('DELETE', '');
    } catch {
      /* the app may already be gone */
    }
  }

  /** Wait until `css` matches a displayed element and return its id. */
  async find(css, { timeout = 10000 } = {}) {
    const until = Date.now() + timeout;
    let last;
    while (Date.now() < until) {
      try {
        const el = await this.cmd('POST', '/element', { using: 'css selector', value: css });
        const id = el[ELEMENT];
        const shown = await this.cmd('GET', `/element/${id}/displayed`);
        if (shown) return id;
      } catch (e) {
        last = e;
      }
      await sleep(150);
    }
    throw new Error(`element not found: ${css}${last ? ` (${last.message})` : ''}`);
  }

  async exists(css) {
    const els = await this.cmd('POST', '/elements', { using: 'css selector', value: css });
    for (const el of els) {
      if (await this.cmd('GET', `/element/${el[ELEMENT]}/displayed`)) return true;
    }
    return false;
  }

  async click(css) {
    const id = await this.find(css);
    // Element Plus animates; clicking through script is the reliable way in WebKitGTK.
    await this.cmd('POST', '/execute/sync', { script: 'arguments[0].scrollIntoView({block:"center"}); arguments[0].click();', args: [{ [ELEMENT]: id }] });
    await sleep(120);
  }

  async type(css, text, { clear = true } = {}) {
    const id = await this.find(css);
    // WebDriver's clear does not reach Element Plus's v-model under WebKitWebDriver; empty the
    // field the way a user's edit would, through an input event.
    if (clear) {
      await this.cmd('POST', '/execute/sync', {
        script: 'arguments[0].value = ""; arguments[0].dispatchEvent(new Event("input", {bubbles: true}));',
        args: [{ [ELEMENT]: id }],
      });
    }
    await this.cmd('POST', `/element/${id}/value`, { text });
    await sleep(60);
  }

  async text(css) {
    const id = await this.find(css);
    return this.cmd('GET', `/element/${id}/text`);
  }

  async waitText(css, expected, { timeout = 10000 } = {}) {
    const until = Date.now() + timeout;
    let got = '';
    while (Date.now() < until) {
      try {
        got = await this.text(css);
        if (got.includes(expected)) return got;
      } catch {
        /* not there yet */
      }
      await sleep(150);
    }
    throw new Error(`expected "${expected}" in ${css}, got "${got}"`);
  }

  async waitGone(css, { timeout = 10000 } = {}) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      if (!(await this.exists(css))) return;
      await sleep(150);
    }
    throw new Error(`still visible: ${css}`);
  }

  execute(script, args = []) {
    return this.cmd('POST', '/execute/sync', { script, args });
  }

  /** Run an async script: it gets a `done` callback as its last argument. */
  executeAsync(script, args = []) {
    return this.cmd('POST', '/execute/async', { script, args });
  }

  async screenshot(file) {
    mkdirSync(dirname(file), { recursive: true });
    // The X screen, captured by imagemagick: WebKitWebDriver's own screenshot call sometimes
    // never answers (seen after a dialog closes under Xvfb), which would wedge the journey.
    execFileSync('import', ['-display', process.env.DISPLAY || ':99', '-window', 'root', file], { timeout: 20000 });
  }
}

async function request(base, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A wedged driver must fail the journey, not hang the whole run.
    signal: AbortSignal.timeout(60000),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    throw new Error(`${method} ${path}: ${v.error || res.status} ${v.message || ''}`.trim());
  }
  return json.value;
}

export { sleep };
