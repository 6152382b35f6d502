// Issue 7 item 5, 首页 dashboard: a book started in January 2026 with income and spending in
// several months, a budget, members with dues and a hardship file, January closed. The
// treasurer's dashboard shows the KPI cards, the three charts and the to-do list; the
// auditor sees the same figures with the auditor's to-dos.
import { sleep } from '../webdriver.mjs';
import { createBook, login, logout } from './01-foundation.mjs';

async function callCommand(s, name, args) {
  const res = await s.executeAsync(
    `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke('call', { name: arguments[0], args: arguments[1] })
       .then((v) => done({ ok: v }), (e) => done({ err: e }));`,
    [name, args],
  );
  if (res && res.err) throw new Error(`${name} failed: ${JSON.stringify(res.err)}`);
  return res.ok;
}

async function waitFor(s, css, expected, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await s.execute('const el = document.querySelector(arguments[0]); return el ? el.innerText : ""', [css]).catch(() => '');
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in ${css}, got "${got}"`);
}

export const journeys = [
  {
    name: 'dashboard',
    async run({ s, shot }) {
      await createBook(s, null, { startMonth: '2026-01', controls: false });
      await s.find('[data-testid="login-submit"]');
      await login(s, '王会计');

      const entries = [
        ['income', '2026-01-08', 'allocation', '30000.00', '收到行政拨缴经费'],
        ['expense', '2026-01-20', '50105', '6800.00', '春节慰问品'],
        ['expense', '2026-02-15', '50404', '3000.00', '困难职工帮扶'],
        ['income', '2026-03-10', 'upper_special', '8000.00', '上级专项补助'],
        ['expense', '2026-04-22', '50502', '1256.50', '召开会员代表大会'],
        ['expense', '2026-05-01', '50105', '4200.00', '五一文体活动'],
        ['income', '2026-07-08', 'allocation', '30000.00', '收到行政拨缴经费'],
        ['expense', '2026-08-01', '50105', '2600.00', '防暑降温'],
        ['expense', '2026-09-25', '50105', '5400.00', '中秋慰问'],
        ['income', '2026-10-12', 'admin_subsidy', '5000.00', '行政补助'],
      ];
      for (const [kind, date, category, amount, summary] of entries) {
        await callCommand(s, 'ledger_entry_post', { kind, date, category, amount, via: 'bank', summary });
      }
      await callCommand(s, 'budget_set_lines', {
        year: 2026,
        replace: true,
        lines: [
          { account_code: '50105', amount: '25000', purpose: '' },
          { account_code: '50404', amount: '6000', purpose: '' },
          { account_code: '50502', amount: '2000', purpose: '' },
        ],
      });
      for (const [name, wage] of [['张三', '5000'], ['李四', '6000'], ['王五', '4000']]) {
        await callCommand(s, 'members_create', { name, gender: '男', join_date: '2020-01-01', wage, wage_effective_from: '2000-01' });
      }
      await callCommand(s, 'members_set_headcount', { effective_from: '2026-01-01', headcount: 4 });
      await callCommand(s, 'dues_charge_month', { month: '2026-01' });
      await callCommand(s, 'dues_charge_month', { month: '2026-02' });
      await callCommand(s, 'dues_pay_batch', { month: '2026-01', date: '2026-01-25' });
      const st = await callCommand(s, 'ledger_period_status', { period: '2026-01' });
      await callCommand(s, 'ledger_period_set_bank_statement', { period: '2026-01', balance: st.bank_book_balance });
      await callCommand(s, 'ledger_period_close', { period: '2026-01' });

      // Reload the home page so it reads the seeded book.
      await s.click('[data-testid="nav-members"]');
      await s.find('[data-testid="page-title"]');
      await s.click('[data-testid="nav-home"]');
      await s.find('[data-testid="dashboard"]');
      await waitFor(s, '[data-testid="kpi-income"]', '73,075.00');
      await waitFor(s, '[data-testid="kpi-spending"]', '23,256.50');
      await waitFor(s, '[data-testid="kpi-balance"]', '49,818.50');
      await waitFor(s, '[data-testid="kpi-members"]', '75.0%');
      await waitFor(s, '[data-testid="kpi-dues"]', '50.0%');
      await waitFor(s, '[data-testid="todo"]', '待结账');
      for (const chart of ['chart-monthly', 'chart-balance', 'chart-budget']) {
        const svg = await s.execute(`return !!document.querySelector('[data-testid="${chart}"] svg')`);
        if (!svg) throw new Error(`${chart} drew nothing`);
      }
      await sleep(800);
      await shot('dashboard-treasurer');
      await s.execute(`document.querySelector('[data-testid="chart-budget"]').scrollIntoView({ block: 'end' })`);
      await sleep(500);
      await shot('dashboard-treasurer-charts');

      // The to-do link goes to the month close page.
      await s.click('[data-testid="todo-close"] a');
      await s.find('[data-testid="page-title"]');
      const hash = await s.execute('return location.hash');
      if (!hash.includes('/books/close')) throw new Error(`to-do link went to ${hash}`);

      await logout(s);
      await login(s, '张经审');
      await s.find('[data-testid="dashboard"]');
      await waitFor(s, '[data-testid="kpi-income"]', '73,075.00');
      await sleep(3500); // the login toasts fade
      await shot('dashboard-auditor');
    },
  },
];
