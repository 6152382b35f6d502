// vue-i18n set-up. The chosen language lives in localStorage under 'ul.locale'; Element Plus's
// own locale follows it through ElConfigProvider in App.vue.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']
const STORAGE_KEY = 'ul.locale'

function storedLocale(): Locale {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (v === 'zh-CN' || v === 'en') return v
  } catch {
    // no storage (tests, locked-down webview): use the default
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // ignore: the choice just won't persist
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale
  }
}
