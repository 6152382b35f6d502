// The inner pages of 账簿报表, in menu order. The key is the child route path, the i18n key
// books.nav.<key> and the testid books-nav-<key>.
export const BOOKS_PAGES = [
  'trial-balance',
  'cash-journal',
  'bank-journal',
  'account-ledger',
  'general-ledger',
  'income-statement',
  'balance-sheet',
  'close',
  'accounts',
  'opening',
] as const
export type BooksPage = (typeof BOOKS_PAGES)[number]

export const BOOKS_REPORT_PAGES: readonly BooksPage[] = [
  'trial-balance',
  'cash-journal',
  'bank-journal',
  'account-ledger',
  'general-ledger',
  'income-statement',
  'balance-sheet',
]
