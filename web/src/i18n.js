// The page's words from the same gettext catalogues as the server's (docs/languages.md): po/*.po
// compiled to JSON at build time and served at /assets/i18n/LANG.json. tr/trc/ntr/ntrc are the
// names xgettext extracts (scripts/i18n.py); English is the source, so a missing catalogue or
// entry shows the English text.

const ENGLISH = { language: 'en', plural: 'nplurals=2; plural=(n != 1);', messages: {} };
let catalog = ENGLISH;
let pluralIndex = (n) => (n !== 1 ? 1 : 0);

// gettext's plural expression (a C expression of n), parsed once into a function without eval.
export function parsePlural(header) {
  const m = /plural\s*=\s*([^;]+)/.exec(header || '');
  const src = m ? m[1] : '(n != 1)';
  const tokens = src.match(/\d+|n|&&|\|\||==|!=|<=|>=|[-+*/%<>!?:()]/g) || [];
  let i = 0;
  const peek = () => tokens[i];
  const eat = (t) => (tokens[i] === t ? (i++, true) : false);
  const binary = (next, ops) => () => {
    let left = next();
    for (;;) {
      const op = ops.find((o) => peek() === o);
      if (!op) return left;
      i++;
      const l = left;
      const r = next();
      left = (n) => BIN[op](l(n), r(n));
    }
  };
  const BIN = {
    '*': (a, b) => a * b,
    '/': (a, b) => (b ? Math.floor(a / b) : 0),
    '%': (a, b) => (b ? a % b : 0),
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '<': (a, b) => +(a < b),
    '>': (a, b) => +(a > b),
    '<=': (a, b) => +(a <= b),
    '>=': (a, b) => +(a >= b),
    '==': (a, b) => +(a === b),
    '!=': (a, b) => +(a !== b),
    '&&': (a, b) => +(a && b),
    '||': (a, b) => +(a || b),
  };
  const primary = () => {
    if (eat('(')) {
      const e = ternary();
      eat(')');
      return e;
    }
    if (eat('!')) {
      const e = primary();
      return (n) => +!e(n);
    }
    const t = tokens[i++];
    if (t === 'n') return (n) => n;
    const v = Number(t);
    return () => v;
  };
  const mul = binary(primary, ['*', '/', '%']);
  const add = binary(mul, ['+', '-']);
  const rel = binary(add, ['<=', '>=', '<', '>']);
  const eq = binary(rel, ['==', '!=']);
  const and = binary(eq, ['&&']);
  const or = binary(and, ['||']);
  function ternary() {
    const c = or();
    if (!eat('?')) return c;
    const y = ternary();
    eat(':');
    const z = ternary();
    return (n) => (c(n) ? y(n) : z(n));
  }
  const f = ternary();
  return (n) => f(Math.abs(n));
}

// {name} replaced by args.name; {{ and }} are braces.
export function fill(text, args = {}) {
  return text.replace(/\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (m, name) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    return name in args ? String(args[name]) : m;
  });
}

export function useCatalog(data) {
  catalog = data;
  pluralIndex = parsePlural(data.plural);
}

export function language() {
  return catalog.language || 'en';
}

export function trc(ctx, msgid, args) {
  const key = ctx ? `${ctx}\u0004${msgid}` : msgid;
  const t = catalog.messages[key];
  return fill(typeof t === 'string' && t ? t : msgid, args);
}

export function tr(msgid, args) {
  return trc('', msgid, args);
}

export function ntrc(ctx, one, many, n, args = {}) {
  const key = ctx ? `${ctx}\u0004${one}` : one;
  const forms = catalog.messages[key];
  let text = n === 1 ? one : many;
  if (Array.isArray(forms)) text = forms[pluralIndex(n)] || text;
  return fill(text, { n: number(n), ...args });
}

export function ntr(one, many, n, args) {
  return ntrc('', one, many, n, args);
}

// 2.5 as this language writes it ("2,5").
export function number(v) {
  return String(v).replace('.', trc('decimal separator', '.'));
}

// "2,5" or "2.5" as a number; NaN when it is not one.
export function parseDecimal(text) {
  const s = String(text).trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
}

// The languages the browser asks for, by primary subtag, the test locale only when named in the
// page's address (?lang=qps).
export function wantedLanguages(navigatorLanguages, search = '') {
  const asked = new URLSearchParams(search).get('lang');
  const list = asked ? [asked] : [];
  for (const l of navigatorLanguages || []) list.push(l);
  return [...new Set(list.map((l) => String(l).toLowerCase().split(/[-_]/)[0]))];
}

// Loads the first catalogue there is for the wanted languages (English needs none).
export async function loadCatalog(wanted, fetchFn = fetch) {
  for (const tag of wanted) {
    if (tag === language() && tag !== 'en') return language();
    if (tag === 'en') {
      useCatalog(ENGLISH);
      return language();
    }
    try {
      const r = await fetchFn(`/assets/i18n/${encodeURIComponent(tag)}.json`);
      if (r.ok) {
        useCatalog(await r.json());
        return language();
      }
    } catch {
      // offline without it cached: English
    }
  }
  useCatalog(ENGLISH);
  return language();
}

// index.html's own words (data-tr, data-tr-attr), the English kept to translate again.
export function translateDocument(doc = document) {
  doc.documentElement.lang = language();
  for (const el of doc.querySelectorAll('[data-tr]')) {
    if (el.dataset.trSource === undefined) el.dataset.trSource = el.textContent.split(/\s+/).join(' ').trim();
    el.textContent = tr(el.dataset.trSource);
  }
  for (const el of doc.querySelectorAll('[data-tr-attr]')) {
    const attr = el.dataset.trAttr;
    if (el.dataset.trAttrSource === undefined) el.dataset.trAttrSource = el.getAttribute(attr) || '';
    el.setAttribute(attr, tr(el.dataset.trAttrSource));
  }
}
