// Issue 7, 财务收支公示 and 年度预算: a book started in October with income, spending and a
// budget; October closed; the notice preview for October (已结账, the stored fingerprint, the
// figures in the page), then November's (草稿), then the budget grid.
import { sleep } from '../webdriver.mjs';
import { createBook, login } from './01-foundation.mjs';

const input = (id) => `[data-testid="${id}"] input`;
const ENTER = '\uE007';

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

async function textOf(s, css) {
  await s.find(css);
  return s.execute('const el = document.querySelector(arguments[0]); return el ? el.innerText : ""', [css]);
}

async function waitFor(s, css, expected, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await textOf(s, css).catch(() => '');
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in ${css}, got "${got}"`);
}

/** The text of the notice page inside the preview iframe (srcdoc: same origin). */
async function frameText(s, expected, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await s.execute(
      `const f = document.querySelector('[data-testid="notice-frame"]');
       return f && f.contentDocument && f.contentDocument.body ? f.contentDocument.body.innerText : ''`,
    );
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in the notice page, got "${got.slice(0, 300)}"`);
}

async function typeMonth(s, testid, month) {
  await s.type(input(testid), `${month}${ENTER}`);
  await sleep(300);
  const got = await s.execute(`return document.querySelector('[data-testid="${testid}"] input').value`);
  if (got !== month) throw new Error(`${testid} shows ${got}, expected ${month}`);
}

export const journeys = [
  {
    name: 'notice',
    async run({ s, shot }) {
      await createBook(s, null, { startMonth: '2026-10', controls: false });
      await s.find('[data-testid="login-submit"]');
      await login(s, '王会计');

      const entries = [
        ['income', '2026-10-08', 'allocation', '10000.00', '收到行政拨缴经费'],
        ['expense', '2026-10-15', '50105', '1200.00', '会员趣味运动会奖品'],
        ['expense', '2026-10-20', '50502', '356.50', '召开工会委员会会议'],
        ['expense', '2026-10-26', '50404', '2000.00', '困难职工帮扶'],
      ];
      for (const [kind, date, category, amount, summary] of entries) {
        await callCommand(s, 'ledger_entry_post', { kind, date, category, amount, via: 'bank', summary });
      }
      await callCommand(s, 'budget_set_lines', {
        year: 2026,
        replace: true,
        lines: [
          { account_code: '402', amount: '40000', purpose: '' },
          { account_code: '50105', amount: '12000', purpose: '节日慰问、文体活动' },
          { account_code: '50404', amount: '5000', purpose: '困难职工帮扶' },
          { account_code: '50502', amount: '1500', purpose: '委员会、会员代表大会' },
        ],
      });
      await callCommand(s, 'budget_set_approval', { year: 2026, committee_date: '2026-10-05', audit_date: '2026-10-06', upper_date: null });
      const st = await callCommand(s, 'ledger_period_status', { period: '2026-10' });
      await callCommand(s, 'ledger_period_set_bank_statement', { period: '2026-10', balance: st.bank_book_balance });
      const closed = await callCommand(s, 'ledger_period_close', { period: '2026-10' });
      const fingerprint = closed.status.chain_fingerprint;

      // October's notice: closed, the stored fingerprint, the figures.
      await s.click('[data-testid="nav-notice"]');
      await s.find('[data-testid="notice-page"]');
      await typeMonth(s, 'notice-month', '2026-10');
      await waitFor(s, '[data-testid="notice-status"]', '已结账');
      await waitFor(s, '[data-testid="notice-fingerprint"]', fingerprint);
      const page = await frameText(s, '2026年10月 财务收支公示');
      for (const want of ['收入合计', '10,000.00', '3,556.50', '6,443.50', '困难职工帮扶支出', '执行率', '账簿指纹', fingerprint, '经办人', '工会主席', '经审会主任']) {
        if (!page.includes(want)) throw new Error(`the October notice lacks ${want}`);
      }
      if (page.includes('草稿')) throw new Error('a closed month must not say 草稿');
      await sleep(500);
      await shot('notice-october');
      // The treasurer posts it on the board on 5 November: the page says so.
      await s.type('[data-testid="notice-published-on"] input', '2026-11-05\uE007');
      await frameText(s, '2026年11月5日');

      // November is open: a draft.
      await typeMonth(s, 'notice-month', '2026-11');
      await waitFor(s, '[data-testid="notice-status"]', '草稿');
      await frameText(s, '草稿');
      await sleep(500);
      await shot('notice-november-draft');

      // The budget grid: 50105 12,000.00, 1,200.00 → 10.0%.
      await s.click('[data-testid="nav-budget"]');
      await s.find('[data-testid="budget-page"]');
      await waitFor(s, '[data-testid="budget-grid"]', '会员活动支出');
      await waitFor(s, '[data-testid="budget-grid"]', '10.0%');
      await waitFor(s, '[data-testid="budget-approved"]', '已审议通过');
      await sleep(400);
      await shot('budget');
    },
  },
];
