import { useTranslation } from 'react-i18next';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The `lang` of a value written in the other language than the UI's, so a screen reader reads it
 * with the right voice: 'zh-CN' for mostly-Han text in the English UI ("汕头—布尔加斯"), 'en' for
 * mostly-Latin text in the Chinese UI ("Shantou–Burgas"). Undefined when the value is in the UI's
 * language, mixed evenly, or in neither script (Бургас, numbers): it then inherits the page's.
 */
export function langOf(text: string | null | undefined, uiLanguage: string): 'zh-CN' | 'en' | undefined {
  if (!text) return undefined;
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  // One Han character carries about a word: weigh it as three Latin letters. The other script
  // must outweigh the UI's twice over; "汕头 / Shantou" is both, and keeps the page's language.
  const hanWeight = han * 3;
  if (uiLanguage === 'zh') return latin > hanWeight * 2 ? 'en' : undefined;
  return hanWeight > latin * 2 ? 'zh-CN' : undefined;
}

/** `langOf` in the current UI language, for spreading on an element: `<Text {...lang(title)}>`. */
export function useLangOf(): (text: string | null | undefined) => { lang?: string } {
  const { i18n } = useTranslation();
  return (text) => {
    const lang = langOf(text, i18n.language);
    return lang ? { lang } : {};
  };
}
