// Issue 6 (经审): a book with chair approval and audit sign-off on (the defaults) → the
// treasurer prepares an expense, which goes to the chair instead of the books → the chair
// approves it from the queue (receipt visible) → the treasurer posts it → the auditor marks the
// income reviewed and queries the expense → the treasurer answers → the auditor closes the
// query and signs October off (fingerprint shown) → the treasurer closes October. The
// auditor's attempt to write is refused by the core as a permission matter. Last, the chair
// switches chair approval off — refused alone, done with the auditor confirming — and back on
// alone.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sleep } from '../webdriver.mjs';
import { createBook, login, logout } from './01-foundation.mjs';

const ENTER = '\uE007';
const input = (id) => `[data-testid="${id}"] input`;
const textarea = (id) => `[data-testid="${id}"] textarea`;
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Run a command through the same `call` the UI uses; resolves to {ok} or {err}. */
async function invoke(s, name, args) {
  return s.cmd('POST', '/execute/async', {
    script: `const done = arguments[arguments.length - 1];
     window.__TAURI_INTERNALS__.invoke('call', { name: arguments[0], args: arguments[1] })
       .then((v) => done({ ok: v }), (e) => done({ err: e }));`,
    args: [name, args],
  });
}

async function callCommand(s, name, args) {
  const res = await invoke(s, name, args);
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

async function pickInSelect(s, testid, text) {
  // A filterable ElSelect: open it, type, Enter picks the first match.
  await s.click(`[data-testid="${testid}"] .el-select__wrapper`);
  await s.type(input(testid), text);
  await sleep(300);
  await s.type(input(testid), ENTER, { clear: false });
  await sleep(200);
}

async function setDate(s, testid, date) {
  await s.type(input(testid), date + ENTER);
  await sleep(200);
}

async function openAudit(s, tab) {
  await s.click('[data-testid="nav-audit"]');
  await s.find('[data-testid="page-title"]');
  await s.click(`[data-testid="audit-tab-${tab}"]`);
  await sleep(300);
}

async function showMonth(s, period) {
  await s.type(input('review-period'), period);
  await s.click('[data-testid="review-load"]');
  await waitFor(s, '[data-testid="signoff-card"]', period);
}

export const journeys = [
  {
    name: 'audit-approval-review-signoff',
    async run({ s, shot, work }) {
      // The wizard's defaults: both controls on.
      await createBook(s, null, { startMonth: '2026-10' });
      await s.find('[data-testid="login-submit"]');
      await login(s, '王会计');

      // ---- the controls are on in a new book ----
      await s.click('[data-testid="nav-settings"]');
      await s.click('[data-testid="settings-tab-controls"]');
      await waitFor(s, '[data-testid="settings-approval-required"]', '已开启');
      await waitFor(s, '[data-testid="settings-signoff-required"]', '已开启');
      await shot('controls-on');

      // ---- treasurer: income posts at once; spending goes to the chair ----
      const income = await callCommand(s, 'ledger_entry_post', {
        kind: 'income', date: '2026-10-08', category: 'allocation', amount: '10000', via: 'bank', summary: '收到10月拨缴经费',
      });
      if (income.outcome !== 'posted') throw new Error(`income: ${JSON.stringify(income)}`);
      await s.click('[data-testid="nav-entry"]');
      await s.click('[data-testid="entry-tab-expense"]');
      await setDate(s, 'entry-date', '2026-10-12');
      await pickInSelect(s, 'entry-category', '50105');
      await s.waitText('[data-testid="entry-category"]', '会员活动支出');
      await s.type(input('entry-amount'), '1,200.00');
      await s.click('[data-testid="entry-via-bank"]');
      await s.type(input('entry-summary'), '购买中秋慰问品');
      const receipt = join(work, '发票.png');
      writeFileSync(receipt, Buffer.from(PNG, 'base64'));
      await s.type('[data-testid="entry-attach"] input[type=file]', receipt, { clear: false });
      await s.waitText('[data-testid="entry-attach"]', '发票.png');
      await s.find('[data-testid="entry-needs-approval"]');
      await waitFor(s, '[data-testid="entry-post"]', '提交审批');
      await shot('expense-form-needs-approval');
      await s.click('[data-testid="entry-post"]');
      await waitFor(s, '[data-testid="entry-submitted"]', '已提交工会主席审批');
      await shot('expense-submitted');
      const drafts = await callCommand(s, 'ledger_vouchers_draft_list', { period: '2026-10' });
      if (drafts.length !== 1 || drafts[0].status !== 'submitted') throw new Error(`drafts: ${JSON.stringify(drafts)}`);
      const draftId = drafts[0].id;
      if ((await callCommand(s, 'ledger_vouchers_list', { period: '2026-10' })).length !== 1) throw new Error('the expense was posted before approval');
      await openAudit(s, 'mine');
      await waitFor(s, `[data-testid="mine-status-${draftId}"]`, '待审批');
      await shot('treasurer-submitted');
      // A payout batch waits in the same queue as spending vouchers.
      await callCommand(s, 'members_create', { name: '周婷', gender: '女', join_date: '2020-01-01' });
      const batch = await callCommand(s, 'welfare_create', {
        kind: 'festival', name: '2026年国庆节慰问', date: '2026-10-01', form: 'goods', goods: '食用油', pay_from: 'bank', rule: 'all', default_amount: '150',
      });
      await callCommand(s, 'welfare_submit', { id: batch.id });
      await logout(s);

      // ---- chair: the queue with the receipt, approve ----
      await login(s, '李主席');
      await openAudit(s, 'approval');
      const queue = await callCommand(s, 'audit_approval_queue', {});
      const item = queue[0];
      await waitFor(s, `[data-testid="approval-item-${item.id}"]`, '购买中秋慰问品');
      await waitFor(s, `[data-testid="approval-item-${item.id}"]`, '1,200.00');
      await s.click(`[data-testid="approval-item-${item.id}"] [data-testid^="audit-attachment-"]`);
      await s.find('[data-testid="audit-attachment-viewer"] img');
      await shot('chair-receipt');
      await s.execute('document.querySelector(".el-dialog__headerbtn").click()');
      await sleep(300);
      await shot('chair-queue');
      await s.click(`[data-testid="approval-approve-${item.id}"]`);
      await s.type(textarea('approval-note'), '同意，按标准发放');
      await s.click('[data-testid="approval-confirm"]');
      const batchItem = queue.find((q) => q.kind === 'welfare_batch');
      if (!batchItem) throw new Error(`the payout batch is not in the chair's queue: ${JSON.stringify(queue.map((q) => q.kind))}`);
      await waitFor(s, `[data-testid="approval-item-${batchItem.id}"]`, '周婷');
      await waitFor(s, `[data-testid="approval-item-${batchItem.id}"]`, '150.00');
      await shot('chair-queue-payout-batch');
      await s.click(`[data-testid="approval-approve-${batchItem.id}"]`);
      await s.type(textarea('approval-note'), '同意');
      await s.click('[data-testid="approval-confirm"]');
      await s.find('[data-testid="approval-empty"]');
      const approvedBatch = await callCommand(s, 'welfare_get', { id: batchItem.ref_id });
      if (approvedBatch.status !== 'approved') throw new Error(`batch status ${approvedBatch.status}`);
      await waitFor(s, '[data-testid="approval-history"]', '同意，按标准发放');
      await shot('chair-approved');
      await logout(s);

      // ---- treasurer: sees the approval, posts ----
      await login(s, '王会计');
      await openAudit(s, 'mine');
      await waitFor(s, `[data-testid="mine-status-${draftId}"]`, '已批准');
      await s.click(`[data-testid="mine-post-${draftId}"]`);
      await sleep(500);
      const vouchers = await callCommand(s, 'ledger_vouchers_list', { period: '2026-10' });
      const expense = vouchers.find((v) => v.summary === '购买中秋慰问品');
      if (!expense || expense.display_number !== '记-002') throw new Error(`expense not posted: ${JSON.stringify(vouchers)}`);
      const posted = await callCommand(s, 'ledger_vouchers_get', { id: expense.id });
      if (posted.approved_by_name !== '李主席') throw new Error(`approver: ${posted.approved_by_name}`);
      await shot('treasurer-posted');
      await logout(s);

      // ---- auditor: review October; query the expense; writing is refused ----
      await login(s, '张经审');
      await openAudit(s, 'review');
      await showMonth(s, '2026-10');
      await s.click(`[data-testid="review-mark-${income.id}"]`);
      await s.click('[data-testid="review-submit"]');
      await waitFor(s, `[data-testid="review-status-${income.id}"]`, '已审');
      await s.click(`[data-testid="review-open-${expense.id}"]`);
      await s.find('[data-testid="audit-voucher"]');
      await waitFor(s, '[data-testid="audit-voucher"]', '李主席');
      await waitFor(s, '[data-testid="audit-voucher"]', '发票.png');
      await shot('auditor-voucher');
      await s.execute('document.querySelector(".el-drawer__close-btn").click()');
      await sleep(400);
      await s.click(`[data-testid="review-ask-${expense.id}"]`);
      await s.type(textarea('review-comment'), '请附慰问品发放签收表');
      await s.click('[data-testid="review-submit"]');
      await waitFor(s, `[data-testid="review-status-${expense.id}"]`, '质询');
      await waitFor(s, '[data-testid="signoff-blockers"]', '质询');
      await shot('auditor-queried');

      const refused = await invoke(s, 'ledger_entry_post', {
        kind: 'expense', date: '2026-10-20', category: '50105', amount: '1', via: 'cash', summary: '经审试图记账',
      });
      if (!refused.err || refused.err.code !== 'permission_denied' || !refused.err.message.includes('权限不足')) {
        throw new Error(`the auditor's write was not refused: ${JSON.stringify(refused)}`);
      }
      // Show the core's refusal on screen for the record.
      await s.execute(
        `const d = document.createElement('div'); d.setAttribute('data-testid', 'e2e-refusal');
         d.style.cssText = 'position:fixed;top:8px;left:50%;transform:translateX(-50%);z-index:9999;padding:10px 16px;background:#fef0f0;color:#f56c6c;border:1px solid #fbc4c4;border-radius:4px';
         d.textContent = '经审委员尝试记账 → ' + arguments[0]; document.body.appendChild(d);`,
        [refused.err.message],
      );
      await shot('auditor-write-refused');
      await s.execute('document.querySelector(\'[data-testid="e2e-refusal"]\').remove()');
      await s.click('[data-testid="nav-settings"]');
      await s.click('[data-testid="settings-tab-controls"]');
      await sleep(300);
      if (await s.exists('[data-testid="settings-approval-required"] .el-switch')) throw new Error('the auditor sees the control switch');
      await logout(s);

      // ---- treasurer: answers the query ----
      await login(s, '王会计');
      await openAudit(s, 'queries');
      const queries = await callCommand(s, 'audit_review_queries', { status: 'open' });
      const q = queries[0];
      await s.click(`[data-testid="query-answer-${q.id}"]`);
      await s.type(textarea('query-answer-text'), '签收表已补充，原件附后');
      await s.click('[data-testid="query-answer-submit"]');
      await waitFor(s, `[data-testid="query-status-${q.id}"]`, '已答复');
      await shot('treasurer-answered');
      // Closing October is blocked without the sign-off: 结账 lists it.
      await s.click('[data-testid="nav-books"]');
      await s.click('[data-testid="books-nav-close"]');
      await s.find('[data-testid="close-year"]');
      await s.click('[data-testid="close-month-2026-10"]');
      await waitFor(s, '[data-testid="close-blockers"]', '经审委员尚未对本月签字确认');
      await shot('close-blocked-without-signoff');
      const early = await invoke(s, 'ledger_period_close', { period: '2026-10' });
      if (!early.err || !early.err.message.includes('签字')) throw new Error(`close before sign-off: ${JSON.stringify(early)}`);
      await logout(s);

      // ---- auditor: closes the query, signs October off ----
      await login(s, '张经审');
      await openAudit(s, 'review');
      await showMonth(s, '2026-10');
      await s.click(`[data-testid="review-close-${expense.id}"]`);
      await s.type(textarea('review-close-note'), '已核对签收表');
      await s.click('[data-testid="review-close-submit"]');
      await waitFor(s, `[data-testid="review-status-${expense.id}"]`, '已审');
      await s.click('[data-testid="signoff-submit"]');
      await s.click('[data-testid="signoff-confirm"]');
      const fp = (await waitFor(s, '[data-testid="signoff-status"]', '已签字'), await textOf(s, '[data-testid="signoff-fingerprint"]')).trim();
      if (!/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/.test(fp)) throw new Error(`fingerprint ${fp}`);
      await shot('auditor-signed-off');
      await logout(s);

      // ---- treasurer: closes October; the close records the fingerprint the auditor saw ----
      await login(s, '王会计');
      await s.click('[data-testid="nav-books"]');
      await s.click('[data-testid="books-nav-close"]');
      await s.find('[data-testid="close-year"]');
      await s.click('[data-testid="close-month-2026-10"]');
      await waitFor(s, '[data-testid="close-status"]', '未结账');
      await s.type(input('close-bank-statement'), '8,800.00');
      await s.click('[data-testid="close-bank-save"]');
      await waitFor(s, '[data-testid="close-bank-difference"]', '0.00');
      for (let i = 0; i < 40; i++) {
        const disabled = await s.execute(`return document.querySelector('[data-testid="close-submit"]').disabled`);
        if (!disabled) break;
        await sleep(150);
      }
      await s.click('[data-testid="close-submit"]');
      await s.click('[data-testid="close-confirm"]');
      await waitFor(s, '[data-testid="close-status"]', '已结账');
      await sleep(400);
      await shot('month-closed');
      const st = await callCommand(s, 'ledger_period_status', { period: '2026-10' });
      if (st.status !== 'closed' || st.chain_fingerprint !== fp) throw new Error(`close: ${JSON.stringify(st)} vs ${fp}`);
      await openAudit(s, 'log');
      await waitFor(s, '[data-testid="log-table"]', 'ledger_period_close');
      await s.click('[data-testid="log-verify"]');
      await waitFor(s, '[data-testid="log-verify-result"]', fp);
      await shot('closed-and-verified');

      await openAudit(s, 'report');
      await s.find('[data-testid="report-summary"]');
      await waitFor(s, '[data-testid="report-summary"]', fp);
      await sleep(500);
      await shot('annual-report');
      await logout(s);

      // ---- chair: switching a control off needs the auditor too; on, the chair alone ----
      await login(s, '李主席');
      const alone = await invoke(s, 'book_settings_set_controls', { approval_required: false });
      if (!alone.err || !alone.err.message.includes('两位负责人')) throw new Error(`the chair alone switched a control off: ${JSON.stringify(alone)}`);
      await s.click('[data-testid="nav-settings"]');
      await s.click('[data-testid="settings-tab-controls"]');
      await s.click('[data-testid="settings-approval-required"]');
      await waitFor(s, '[data-testid="controls-off-dialog"]', '关闭内控设置须工会主席与经审委员共同确认');
      await waitFor(s, '[data-testid="controls-off-officer-user"]', '张经审（经审委员）');
      // No password: the dialog asks for it before anything is sent.
      await s.click('[data-testid="controls-off-submit"]');
      await waitFor(s, '[data-testid="controls-off-officer-password"]', '请第二位负责人输入本人密码');
      await sleep(300);
      await shot('control-off-needs-auditor');
      if (!(await callCommand(s, 'book_settings_get', {})).approval_required) throw new Error('approval switched off without the auditor');
      await s.type(input('controls-off-officer-password'), 'secret1');
      await s.click('[data-testid="controls-off-submit"]');
      await s.waitGone('[data-testid="controls-off-submit"]');
      await sleep(300);
      await shot('control-off-with-auditor');
      if ((await callCommand(s, 'book_settings_get', {})).approval_required) throw new Error('approval still on');
      const log = await callCommand(s, 'audit_log_list', { command: 'book_settings_set_controls' });
      if (!JSON.stringify(log).includes('张经审') || JSON.stringify(log).includes('"secret1"')) throw new Error(`control log: ${JSON.stringify(log)}`);
      // Switching it back on needs no second officer.
      await s.click('[data-testid="settings-approval-required"]');
      for (let i = 0; i < 40 && !(await callCommand(s, 'book_settings_get', {})).approval_required; i++) await sleep(150);
      if (!(await callCommand(s, 'book_settings_get', {})).approval_required) throw new Error('approval not back on');
      if (await s.exists('[data-testid="controls-off-dialog"]')) throw new Error('switching on asked for a second officer');
    },
  },
];
