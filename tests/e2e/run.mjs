// End-to-end journeys in the real 工会账本 window: Xvfb + tauri-driver + WebKitWebDriver.
// Each journey gets a fresh book file and saves a screenshot of every step to
// tests/artifacts/e2e/<journey>/NN-step.png. Prints "N passed, N failed" at the end.
// The clock is pinned: the app and every CLI call see UNION_LEDGER_TODAY = TODAY (clock.mjs).
// `node tests/e2e/run.mjs 04` (or `members-dues`) runs one journey, by file number or name.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Session, sleep } from './webdriver.mjs';
import { TODAY } from './clock.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const app = process.env.UNION_LEDGER_APP || join(root, 'target/debug/union-ledger');
const artifacts = join(root, 'tests/artifacts/e2e');
const port = Number(process.env.E2E_PORT || 4444);
const display = process.env.E2E_DISPLAY || ':99';
const only = process.argv[2];

if (!existsSync(app)) {
  console.error(`app not built: ${app} (run: make app)`);
  process.exit(1);
}

const children = [];
function start(cmd, args, env) {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr.on('data', (d) => process.env.E2E_VERBOSE && process.stderr.write(d));
  children.push(child);
  return child;
}
function stopAll() {
  for (const c of children.reverse()) {
    try {
      c.kill('SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

async function waitForDriver() {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  throw new Error('tauri-driver did not start');
}

const journeyDir = join(here, 'journeys');
const journeys = [];
for (const f of readdirSync(journeyDir).filter((f) => f.endsWith('.mjs')).sort()) {
  const mod = await import(join(journeyDir, f));
  for (const j of mod.journeys) journeys.push({ ...j, file: f });
}

mkdirSync(artifacts, { recursive: true });
start('Xvfb', [display, '-screen', '0', '1366x900x24', '-nolisten', 'tcp']);
await sleep(500);
// tauri-driver passes its environment on to the app; the journeys' execFileSync calls inherit process.env.
// This run's own last-seen file (seal::anchor), never the machine's.
const lastSeen = join(mkdtempSync(join(tmpdir(), 'ul-e2e-seen-')), 'last-seen.json');
const env = { DISPLAY: display, LANG: 'zh_CN.UTF-8', WEBKIT_DISABLE_COMPOSITING_MODE: '1', UNION_LEDGER_TODAY: TODAY, UNION_LEDGER_LAST_SEEN: lastSeen };
Object.assign(process.env, env);
console.log(`e2e: business date pinned to ${TODAY} (UNION_LEDGER_TODAY)`);
start('tauri-driver', ['--port', String(port), '--native-port', String(port + 100)], env);
await waitForDriver();

let passed = 0;
let failed = 0;
for (const journey of journeys) {
  if (only && !journey.name.includes(only) && !journey.file.startsWith(only)) continue;
  const work = mkdtempSync(join(tmpdir(), 'ul-e2e-'));
  const shots = join(artifacts, journey.name);
  // Only this journey's old screenshots go: a filtered run leaves the others' in place.
  rmSync(shots, { recursive: true, force: true });
  let step = 0;
  const t0 = Date.now();
  let session;
  try {
    session = await Session.create(`http://127.0.0.1:${port}`, app, ['--db', join(work, 'book.sqlite')]);
    const shot = (label) => session.screenshot(join(shots, `${String(++step).padStart(2, '0')}-${label}.png`));
    await journey.run({ s: session, shot, work, app, root, driver: `http://127.0.0.1:${port}` });
    passed++;
    console.log(`ok   ${journey.name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${journey.name}: ${e.stack || e}`);
    if (session) await session.screenshot(join(shots, 'failure.png')).catch(() => {});
  } finally {
    if (session) await session.close();
    rmSync(work, { recursive: true, force: true });
  }
}
stopAll();
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
