// Chinese first, English on request: one dictionary per language, keys checked by the compiler
// (the English table must have every key the Chinese one has). `{name}` placeholders are filled
// from the second argument of t().
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zh } from './i18n-zh';
import { en } from './i18n-en';

export type Lang = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zh;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const TABLES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };
const STORAGE_KEY = 'ykb.lang';

function initialLang(): Lang {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = TABLES[lang][key] ?? zh[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** A label for a value of a server enum (status, role, channel…), or the value itself when the dictionary lacks it. */
export function translateEnum(lang: Lang, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}.${value}` as MessageKey;
  return key in zh ? translate(lang, key) : value;
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  tEnum: (prefix: string, value: string | null | undefined) => string;
  formatDateTime: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const dateFormat = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tEnum: (prefix, v) => translateEnum(lang, prefix, v),
      formatDateTime: (iso) => (iso ? dateFormat.format(new Date(iso)) : '—'),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
