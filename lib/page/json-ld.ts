/**
 * Reading schema.org JSON-LD blocks (`<script type="application/ld+json">`) defensively:
 * malformed JSON, huge blocks and deep nesting are skipped, never thrown.
 */

/** A JSON-LD object as found on the page (only string-keyed plain objects). */
export type JsonLdNode = Record<string, unknown>;

/**
 * schema.org types that mean "this page is an article": Article, NewsArticle and its five kinds
 * (Reportage, Analysis, Background, Opinion, Review), ScholarlyArticle, TechArticle,
 * SatiricalArticle, BlogPosting, LiveBlogPosting, SocialMediaPosting and Report. One pattern, not
 * a set of names: the always-on detector carries it, and it is half the size.
 */
const ARTICLE_TYPE = /^(?:(?:(?:Reportage|Analysis|Background|Opinion|Review)?News|Scholarly|Tech|Satirical)?Article|(?:(?:Live)?Blog|SocialMedia)Posting|Report)$/;

/** Is `type` (a schema.org type name, without its URL) one of an article's? */
export const isArticleType = (type: string): boolean => ARTICLE_TYPE.test(type);

const MAX_BLOCK_CHARS = 500_000;
const MAX_NODES = 200;
const MAX_DEPTH = 6;

function isObject(v: unknown): v is JsonLdNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * All JSON-LD objects of the document, flattened: top-level objects, array items and `@graph`
 * members (to a bounded depth and count). Blocks that do not parse are ignored.
 */
export function readJsonLd(doc: Document): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (const script of Array.from(scripts)) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_BLOCK_CHARS) continue;
    let data: unknown;
    try {
      // Some CMSs wrap the JSON in CDATA or HTML comments.
      data = JSON.parse(raw.replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)/, '').replace(/(?:-->|(?:\/\/\s*)?\]\]>)\s*$/, ''));
    } catch {
      continue;
    }
    collect(data, 0, out);
    if (out.length >= MAX_NODES) break;
  }
  return out;
}

function collect(v: unknown, depth: number, out: JsonLdNode[]): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES) return;
  if (Array.isArray(v)) {
    for (const item of v.slice(0, MAX_NODES)) collect(item, depth + 1, out);
    return;
  }
  if (!isObject(v)) return;
  out.push(v);
  if (v['@graph'] !== undefined) collect(v['@graph'], depth + 1, out);
}

/** The node's `@type` values (a string or an array of strings), without a schema.org prefix. */
export function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map(x => x.replace(/^(?:https?:\/\/)?schema\.org\//, ''));
}

/** The first JSON-LD node whose `@type` is an article type, if any. */
export function findArticleNode(nodes: JsonLdNode[]): JsonLdNode | null {
  return nodes.find(n => typesOf(n).some(isArticleType)) ?? null;
}

/** A string property, or the `name` of an object property (e.g. `publisher.name`), trimmed. */
export function stringProp(node: JsonLdNode | null, key: string): string | null {
  if (!node) return null;
  let v = node[key];
  if (Array.isArray(v)) v = v[0];
  if (isObject(v)) v = v.name;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}
