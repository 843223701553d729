/**
 * A deterministic corpus of varied disclosures for benchmarks: random consistent
 * budgets (the round-trip tests' arbitrary, sampled with a fixed seed) written by
 * renderText with options drawn from a seeded PRNG (mulberry32; no Math.random).
 * The same seed and count always give the same documents, byte for byte.
 *
 * About one document in ten is encoded in GB18030, as older government sites
 * publish them. TextEncoder only writes UTF-8, and no GB18030 library is a
 * dependency, so the encoder below builds its table at first use by running
 * TextDecoder('gb18030') (ICU, part of Node) over every two- and four-byte code:
 * no table in the source, about 60 000 decodes once.
 *
 * Run directly to write a corpus to a folder:
 *   npx tsx bench/generate-corpus.ts --docs 100 --dir /tmp/corpus
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { type RenderTextOptions, renderText } from '../src/render/text/render-text.ts';
import { budgetArbitrary } from '../test/arbitraries/budget-arbitrary.ts';

export type CorpusEncoding = 'utf-8' | 'gb18030';

export interface GeneratedDocument {
  /** 00001.txt … */
  name: string;
  text: string;
  encoding: CorpusEncoding;
  /** The text encoded as `encoding`. */
  bytes: Uint8Array;
  options: RenderTextOptions;
}

export interface GenerateOptions {
  /** Number of documents. */
  docs: number;
  seed?: number;
  /** Share of documents encoded in GB18030 (default 0.1). */
  gb18030Share?: number;
}

export const DEFAULT_SEED = 20_180_101;

/** mulberry32: a small, fast, seeded 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)] as T;
}

/** Renderer options, varied the way real disclosures vary. */
export function randomRenderOptions(random: () => number): RenderTextOptions {
  return {
    unit: pick(random, ['万元', '万元', '万元', '元', '亿元'] as const),
    fullWidthDigits: random() < 0.15,
    numbering: pick(random, ['chinese', 'chinese', 'part'] as const),
    tableLayout: pick(random, ['tabs', 'spaces', 'spaces', 'flat'] as const),
    changeWording: {
      compare: pick(random, ['较', '比', '与…相比'] as const),
      increase: pick(random, ['增加', '增长'] as const),
      decrease: pick(random, ['减少', '下降'] as const),
    },
    wordDebris: random() < 0.1,
    thousandsSeparator: random() < 0.3,
    spacedNumbers: random() < 0.3,
  };
}

// ---------------------------------------------------------------- GB18030

let gbTable: Map<number, number[]> | null = null;

/** Code point → GB18030 bytes for the BMP, read off the platform's decoder. */
function gb18030Table(): Map<number, number[]> {
  if (gbTable) return gbTable;
  const table = new Map<number, number[]>();
  const decoder = new TextDecoder('gb18030');
  const put = (bytes: number[]) => {
    const s = decoder.decode(Uint8Array.from(bytes));
    if (s.length !== 1 || s === '\ufffd') return;
    const cp = s.codePointAt(0) as number;
    if (!table.has(cp)) table.set(cp, bytes);
  };
  // Two-byte codes (GBK and its extensions) first, then the four-byte codes of the BMP.
  for (let b1 = 0x81; b1 <= 0xfe; b1++) for (let b2 = 0x40; b2 <= 0xfe; b2++) if (b2 !== 0x7f) put([b1, b2]);
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++)
        for (let b4 = 0x30; b4 <= 0x39; b4++) {
          const cpGuess = ((b1 - 0x81) * 10 + (b2 - 0x30)) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30);
          if (cpGuess > 39_419) continue; // beyond the BMP range of four-byte codes
          put([b1, b2, b3, b4]);
        }
  gbTable = table;
  return table;
}

/** Whether this platform can decode GB18030 (Node with ICU can). */
export function gb18030Available(): boolean {
  try {
    return new TextDecoder('gb18030').decode(Uint8Array.from([0xd6, 0xd0])) === '中';
  } catch {
    return false;
  }
}

/** Encodes text as GB18030. Throws on a code point the decoder-derived table lacks. */
export function encodeGb18030(text: string): Uint8Array {
  const table = gb18030Table();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x80) {
      out.push(cp);
      continue;
    }
    if (cp >= 0x10000) {
      // Supplementary planes: four bytes, counted linearly from 0x90308130.
      let n = cp - 0x10000;
      const b4 = 0x30 + (n % 10);
      n = Math.floor(n / 10);
      const b3 = 0x81 + (n % 126);
      n = Math.floor(n / 126);
      const b2 = 0x30 + (n % 10);
      const b1 = 0x90 + Math.floor(n / 10);
      out.push(b1, b2, b3, b4);
      continue;
    }
    const bytes = table.get(cp);
    if (!bytes) throw new RangeError(`GB18030 编码表中没有字符 U+${cp.toString(16).toUpperCase()}`);
    out.push(...bytes);
  }
  return Uint8Array.from(out);
}

// ---------------------------------------------------------------- corpus

/** N varied disclosures, the same for the same seed. */
export function generateCorpus(options: GenerateOptions): GeneratedDocument[] {
  const seed = options.seed ?? DEFAULT_SEED;
  const share = gb18030Available() ? (options.gb18030Share ?? 0.1) : 0;
  const random = mulberry32(seed);
  const budgets = fc.sample(budgetArbitrary(), { seed, numRuns: options.docs });
  const utf8 = new TextEncoder();
  return budgets.map((budget, i) => {
    const renderOptions = randomRenderOptions(random);
    const text = renderText(budget, renderOptions);
    const encoding: CorpusEncoding = random() < share ? 'gb18030' : 'utf-8';
    const bytes = encoding === 'gb18030' ? encodeGb18030(text) : utf8.encode(text);
    return { name: `${String(i + 1).padStart(5, '0')}.txt`, text, encoding, bytes, options: renderOptions };
  });
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: readonly string[]): void {
  const docs = Number(argValue(args, '--docs') ?? 100);
  const dir = argValue(args, '--dir') ?? 'bench-corpus';
  const seed = Number(argValue(args, '--seed') ?? DEFAULT_SEED);
  mkdirSync(dir, { recursive: true });
  const corpus = generateCorpus({ docs, seed });
  for (const d of corpus) writeFileSync(join(dir, d.name), d.bytes);
  const gb = corpus.filter((d) => d.encoding === 'gb18030').length;
  console.log(`${corpus.length} documents (${gb} GB18030) written to ${dir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
