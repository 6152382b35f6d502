// Issue 2: fresh book → wizard → login as treasurer → every page → English and back →
// auditor sees no editing controls. Issue 13: the treasurer cannot add an auditor's account;
// the chair adds one with the auditor confirming on the chair's screen.
import { sleep } from '../webdriver.mjs';

const PASSWORD = 'secret1';
const input = (id) => `[data-testid="${id}"] input`;

/**
 * Run the wizard. `controls: false` unticks the two internal controls on the confirm step
 * (chair approval of spending, audit sign-off before close) for journeys that are not about
 * them; by default they stay on, as for a real user.
 */
export async function createBook(s, shot, { startMonth, controls = true } = {}) {
  await s.find(input('setup-union-name'));
  if (shot) await shot('wizard-start');
  await s.type(input('setup-union-name'), '江都区某某水利管理处工会委员会');
  await s.type(input('setup-unit-name'), '江都区某某水利管理处');
  if (startMonth) {
    // Typed into the month picker, then Enter (the wizard reads the last YYYY-MM typed).
    await s.type(input('setup-start-month'), `${startMonth}\uE007`);
    await sleep(300);
    const got = await s.execute(`return document.querySelector('[data-testid="setup-start-month"] input').value`);
    if (got !== startMonth) throw new Error(`start month shows ${got}, expected ${startMonth}`);
  }
  await s.click('[data-testid="setup-next"]');
  await s.type(input('setup-treasurer-name'), '王会计');
  await s.type(input('setup-treasurer-password'), PASSWORD);
  await s.type(input('setup-treasurer-password2'), PASSWORD);
  await s.type(input('setup-chair-name'), '李主席');
  await s.type(input('setup-chair-password'), PASSWORD);
  await s.type(input('setup-chair-password2'), PASSWORD);
  await s.type(input('setup-auditor-name'), '张经审');
  await s.type(input('setup-auditor-password'), PASSWORD);
  await s.type(input('setup-auditor-password2'), PASSWORD);
  if (shot) await shot('wizard-users');
  await s.click('[data-testid="setup-next"]');
  if (shot) await shot('wizard-confirm');
  if (!controls) {
    for (const id of ['setup-approval-required', 'setup-signoff-required']) {
      await s.click(`[data-testid="${id}"]`);
      const on = await s.execute(`return document.querySelector('[data-testid="${id}"] input').checked`);
      if (on) throw new Error(`${id} is still ticked`);
    }
  }
  await s.click('[data-testid="setup-finish"]');
}

export async function login(s, name) {
  await s.click(`[data-testid="login-user-${name}"]`);
  await s.type(input('login-password'), PASSWORD);
  await s.click('[data-testid="login-submit"]');
  await s.waitText('[data-testid="current-user"]', name);
}

/** Wait until the element's innerText (which, unlike WebDriver's text, includes table cells) has `expected`. */
async function waitInner(s, css, expected, { timeout = 10000 } = {}) {
  const until = Date.now() + timeout;
  let got = '';
  while (Date.now() < until) {
    got = await s.execute('const el = document.querySelector(arguments[0]); return el ? el.innerText : ""', [css]);
    if (got.includes(expected)) return got;
    await sleep(150);
  }
  throw new Error(`expected "${expected}" in ${css}, got "${got}"`);
}

/** Pick an option of a (non-filterable) ElSelect by its text. */
async function pickOption(s, testid, text) {
  await s.click(`[data-testid="${testid}"] .el-select__wrapper`);
  await sleep(300);
  const ok = await s.execute(
    `const o = [...document.querySelectorAll('.el-select-dropdown__item')].find((el) => el.offsetParent && el.innerText.trim() === arguments[0]);
     if (o) o.click(); return !!o;`,
    [text],
  );
  if (!ok) throw new Error(`no option ${text} in ${testid}`);
  await sleep(200);
}

export async function logout(s) {
  await s.click('[data-testid="logout"]');
  await s.find('[data-testid="login-submit"]');
}

const pages = ['home', 'members', 'dues', 'welfare', 'entry', 'vouchers', 'books', 'budget', 'notice', 'audit', 'settings'];

export const journeys = [
  {
    name: 'foundation',
    async run({ s, shot }) {
      await createBook(s, shot);
      await s.find('[data-testid="login-submit"]');
      await shot('login');
      await login(s, '王会计');
      await shot('home-treasurer');
      const title = await s.execute('return document.title');
      if (!title.includes('江都区某某水利管理处工会委员会') || !title.includes('book.sqlite')) {
        throw new Error(`window title lacks union name or book file: ${title}`);
      }
      for (const p of pages) {
        await s.click(`[data-testid="nav-${p}"]`);
        await s.find('[data-testid="page-title"]');
        const hash = await s.execute('return location.hash');
        if (!hash.includes(`/${p}`)) throw new Error(`nav-${p} went to ${hash}`);
      }
      await shot('settings-treasurer');
      if (!(await s.exists('[data-testid="settings-save"]'))) throw new Error('treasurer should see the save button');

      // The treasurer adds treasurers only: an auditor's account needs the chair and the auditor.
      await s.click('[data-testid="settings-tab-users"]');
      await s.click('[data-testid="users-add"]');
      await s.find(input('users-add-name'));
      await pickOption(s, 'users-add-role', '经审委员');
      await s.waitText('[data-testid="users-add-officer-not-you"]', '须由工会主席或经审委员登录办理');
      if (!(await s.execute(`return document.querySelector('[data-testid="users-add-submit"]').disabled`))) {
        throw new Error('the treasurer may submit an auditor account');
      }
      await shot('treasurer-cannot-add-auditor');
      await s.click('[data-testid="users-add-cancel"]');
      await s.waitGone('[data-testid="users-add-submit"]');

      await s.click('[data-testid="lang-en"]');
      await s.waitText('[data-testid="nav-members"]', 'Members');
      await shot('english');
      await s.click('[data-testid="lang-zh"]');
      await s.waitText('[data-testid="nav-members"]', '会员');

      await logout(s);
      await login(s, '张经审');
      await s.click('[data-testid="nav-settings"]');
      await s.find('[data-testid="readonly-notice"]');
      await sleep(300);
      for (const control of ['settings-save', 'users-add']) {
        if (await s.exists(`[data-testid="${control}"]`)) throw new Error(`auditor sees ${control}`);
      }
      await s.click('[data-testid="settings-tab-users"]');
      await sleep(300);
      if (await s.exists('[data-testid="users-add"]')) throw new Error('auditor sees users-add');
      await shot('settings-auditor-readonly');

      // The chair adds an audit committee member; 张经审 confirms with their own password.
      await logout(s);
      await login(s, '李主席');
      await s.click('[data-testid="nav-settings"]');
      await s.click('[data-testid="settings-tab-users"]');
      await s.click('[data-testid="users-add"]');
      await s.type(input('users-add-name'), '孙经审');
      await s.type(input('users-add-password'), 'secret2');
      await s.waitText('[data-testid="users-add-officer-why"]', '新增工会主席或经审委员账号须工会主席与经审委员共同确认');
      await waitInner(s, '[data-testid="users-add-officer-user"]', '张经审（经审委员）');
      await s.type(input('users-add-officer-password'), PASSWORD);
      await shot('chair-adds-auditor-with-auditor');
      await s.click('[data-testid="users-add-submit"]');
      await s.waitGone('[data-testid="users-add-submit"]');
      await waitInner(s, '[data-testid="users-table"]', '孙经审');
      await sleep(300);
      await shot('auditor-added');

      // 孙经审 forgets the password: the chair resets it, the treasurer (neither owner nor chair) confirms.
      await s.click('[data-testid="users-password-4"]');
      await s.type(input('password-new'), PASSWORD);
      await s.type(input('password-new2'), PASSWORD);
      await waitInner(s, '[data-testid="password-officer-why"]', '重置他人的密码须由本人以外的两位负责人共同确认');
      await waitInner(s, '[data-testid="password-officer-user"]', '王会计（会计/出纳）');
      await s.type(input('password-officer-password'), PASSWORD);
      await shot('chair-resets-password-with-treasurer');
      await s.click('[data-testid="password-submit"]');
      await s.waitGone('[data-testid="password-submit"]');
      await logout(s);
      await login(s, '孙经审');
    },
  },
];
