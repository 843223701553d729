/**
 * CJK Radicals Supplement (U+2E80–U+2EFF) characters that PDF text layers put in
 * place of the ideographs they look like, mapped to those ideographs. NFKC maps
 * the Kangxi radicals block (U+2F00–U+2FDF) itself but leaves this block alone.
 * Radical-only shapes (氵, 扌 …) have no ideograph twin and are not listed.
 */
const PAIRS =
  '⺁厂⺇几⺊卜⺌小⺍小⺎兀⺏尣⺐尢⺒巳⺓幺⺛旡⺜日⺝月⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺦丬⺧牛⺨犭⺩王⺪疋⺫罒⺬示⺭礻⺮竹⺯糸⺰纟⺱网⺲罒⺳网⺴罒⺵罒⺶羊⺷羊⺹老⺺聿⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟饣⻠饣⻡首⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

export const CJK_RADICAL_TO_IDEOGRAPH: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const chars = Array.from(PAIRS);
  for (let i = 0; i + 1 < chars.length; i += 2) m.set(chars[i] as string, chars[i + 1] as string);
  return m;
})();

export function isCjkRadical(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2e80 && c <= 0x2fdf;
}
