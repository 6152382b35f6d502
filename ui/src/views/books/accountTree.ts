import type { Account } from '@/bindings'
// Pure helpers over the chart of accounts (tested without a DOM).

/** Does the account match what was typed: code prefix, name part or pinyin initials? */
export function matchAccount(a: Pick<Account, 'code' | 'name' | 'pinyin'>, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return a.code.startsWith(q) || a.name.toLowerCase().includes(q) || a.pinyin.toLowerCase().includes(q)
}

export type AccountNode = Account & { children?: AccountNode[] }

/** The flat chart → a tree by parent_code, in code order. Orphans become roots. */
export function buildTree(accounts: readonly Account[]): AccountNode[] {
  const byCode = new Map<string, AccountNode>()
  const sorted = [...accounts].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  for (const a of sorted) byCode.set(a.code, { ...a })
  const roots: AccountNode[] = []
  for (const a of sorted) {
    const node = byCode.get(a.code)!
    const parent = a.parent_code ? byCode.get(a.parent_code) : undefined
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  return roots
}

/** Keep the nodes that match (and their ancestors, so the tree still reads). */
export function filterTree(nodes: readonly AccountNode[], query: string): AccountNode[] {
  if (!query.trim()) return [...nodes]
  const out: AccountNode[] = []
  for (const n of nodes) {
    const kids = n.children ? filterTree(n.children, query) : []
    if (matchAccount(n, query) || kids.length) out.push({ ...n, children: kids.length ? kids : undefined })
  }
  return out
}
