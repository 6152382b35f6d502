// Hash history: the Tauri custom protocol serves one index.html and cannot rewrite paths.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import AppLayout from '@/layout/AppLayout.vue'

/** The left menu, in order. `name` doubles as the i18n key nav.<name> and the testid nav-<name>. */
export const NAV_ITEMS = [
  'home',
  'members',
  'dues',
  'welfare',
  'entry',
  'vouchers',
  'books',
  'budget',
  'notice',
  'audit',
  'settings',
] as const
export type NavName = (typeof NAV_ITEMS)[number]

const routes: RouteRecordRaw[] = [
  { path: '/setup', name: 'setup', component: () => import('@/views/setup/BookSetup.vue'), meta: { public: true } },
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    redirect: '/home',
    children: [
      { path: 'home', name: 'home', component: () => import('@/views/home/HomeView.vue') },
      { path: 'members', name: 'members', component: () => import('@/views/members/MembersView.vue') },
      { path: 'dues', name: 'dues', component: () => import('@/views/dues/DuesView.vue') },
      { path: 'welfare', name: 'welfare', component: () => import('@/views/welfare/WelfareView.vue') },
      { path: 'entry', name: 'entry', component: () => import('@/views/entry/EntryView.vue') },
      { path: 'vouchers', name: 'vouchers', component: () => import('@/views/vouchers/VouchersView.vue') },
      {
        path: 'books',
        component: () => import('@/views/books/BooksView.vue'),
        redirect: '/books/trial-balance',
        children: [
          { path: '', name: 'books', redirect: '/books/trial-balance' },
          { path: 'trial-balance', name: 'books-trial-balance', component: () => import('@/views/books/TrialBalanceView.vue') },
          { path: 'cash-journal', name: 'books-cash-journal', component: () => import('@/views/books/JournalView.vue'), props: { kind: 'cash' } },
          { path: 'bank-journal', name: 'books-bank-journal', component: () => import('@/views/books/JournalView.vue'), props: { kind: 'bank' } },
          { path: 'account-ledger', name: 'books-account-ledger', component: () => import('@/views/books/JournalView.vue'), props: { kind: 'account' } },
          { path: 'general-ledger', name: 'books-general-ledger', component: () => import('@/views/books/GeneralLedgerView.vue') },
          { path: 'income-statement', name: 'books-income-statement', component: () => import('@/views/books/IncomeStatementView.vue') },
          { path: 'balance-sheet', name: 'books-balance-sheet', component: () => import('@/views/books/BalanceSheetView.vue') },
          { path: 'close', name: 'books-close', component: () => import('@/views/books/CloseView.vue') },
          { path: 'accounts', name: 'books-accounts', component: () => import('@/views/books/AccountsView.vue') },
          { path: 'opening', name: 'books-opening', component: () => import('@/views/books/OpeningView.vue') },
        ],
      },
      { path: 'budget', name: 'budget', component: () => import('@/views/budget/BudgetView.vue') },
      { path: 'notice', name: 'notice', component: () => import('@/views/notice/NoticeView.vue') },
      { path: 'audit', name: 'audit', component: () => import('@/views/audit/AuditView.vue') },
      { path: 'settings', name: 'settings', component: () => import('@/views/settings/SettingsView.vue') },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/home' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

// Start-up flow: no book set up → wizard; not logged in → login; else the app.
router.beforeEach(async (to) => {
  const session = useSessionStore()
  if (!session.appInfo) {
    try {
      await session.loadAppInfo()
      await session.restore()
    } catch (e) {
      // App.vue shows the error instead of the page (e.g. the book file cannot be opened).
      session.startupError = e
      return to.name === 'setup' ? true : { name: 'setup' }
    }
  }
  if (!session.initialized) return to.name === 'setup' ? true : { name: 'setup' }
  if (to.name === 'setup') return session.user ? { name: 'home' } : { name: 'login' }
  if (!session.user) return to.name === 'login' ? true : { name: 'login' }
  if (to.name === 'login') return { name: 'home' }
  return true
})
