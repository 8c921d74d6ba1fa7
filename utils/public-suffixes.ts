/**
 * Whether a host name is a public suffix (`co.uk`, `github.io`): a name under which unrelated
 * people register their own sites, so that guarding it would guard them all. The list is the
 * public-suffix list, ICANN and private sections, generated from `tldts` into
 * public-suffixes.data.ts by scripts/make-public-suffixes.mjs; it is read the first time it is
 * asked, in a few milliseconds. Only the options page needs it (entered hosts: docs/ARCHITECTURE.md,
 * "The settings document"); the worker and the page guard never import this file.
 */
import { inflateSync, strFromU8 } from 'fflate';
import { EXCEPTIONS, RULES } from './public-suffixes.data';

/** The data file's text: base64 of the deflated nested text. */
const unpack = (packed: string) => strFromU8(inflateSync(Uint8Array.from(atob(packed), (c) => c.charCodeAt(0))));

interface Node {
  /** Whether the labels down to here are a rule of the list (or, in the exceptions, an exception). */
  readonly rule: boolean;
  readonly children: Map<string, Node>;
}

/** The nested text of the data file (`uk(co,~gov(x))`) as a trie. */
function readTrie(text: string): Node {
  const root: Node = { rule: false, children: new Map() };
  const path: Node[] = [root];
  let last = root;
  for (const [, label, bracket] of text.matchAll(/([^(),]+)|([()])/g)) {
    if (bracket === '(') path.push(last);
    else if (bracket === ')') path.pop();
    else if (label) {
      const rule = !label.startsWith('~');
      last = { rule, children: new Map() };
      path.at(-1)?.children.set(rule ? label : label.slice(1), last);
    }
  }
  return root;
}

let tries: { rules: Node; exceptions: Node } | null = null;

/** The child for `label`: its own, else the wildcard's (as the list's algorithm reads `*`). */
const step = (node: Node, label: string) => node.children.get(label) ?? node.children.get('*');

/**
 * Whether `host` (lower case, punycode, no trailing dot) is itself a suffix of the list: it
 * matches a rule label for label (a `*` matching any one label) and no exception (`!www.ck`). A
 * name the list does not know (`local`, an intranet's `emr`) is not one. The same verdict as
 * tldts's `parse(host, { allowPrivateDomains: true }).publicSuffix === host` for a listed rule.
 */
export function isPublicSuffix(host: string): boolean {
  tries ??= { rules: readTrie(unpack(RULES)), exceptions: readTrie(unpack(EXCEPTIONS)) };
  const labels = host.split('.').reverse();
  let node: Node | undefined = tries.exceptions;
  for (const label of labels) {
    node = step(node, label);
    if (!node) break;
    // An exception makes the suffix shorter than the host: the host is a site's own.
    if (node.rule) return false;
  }
  node = tries.rules;
  for (const label of labels) {
    node = step(node, label);
    if (!node) return false;
  }
  return node.rule;
}
