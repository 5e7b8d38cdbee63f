import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import postcss, { type Rule } from 'postcss';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's stylesheets: every rule in a cascade layer, so a later layer wins whatever the
 * selectors' specificity (no more fixing one file's rule with a longer selector in another), and
 * each class styled in one file, found there by anyone looking for it.
 */
const root = join(import.meta.dirname, '..', '..', 'src', 'renderer');
const sheets = (readdirSync(root, { recursive: true }) as string[])
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({
    name: relative(root, join(root, name)),
    css: postcss.parse(readFileSync(join(root, name), 'utf8')),
  }));

const declaredOrder = () => {
  const orders: string[][] = [];
  for (const { css } of sheets)
    css.walkAtRules('layer', (rule) => {
      if (!rule.nodes) orders.push(rule.params.split(',').map((name) => name.trim()));
    });
  return orders;
};

/** The layer a rule stands in (through @media and the like), if any. */
function layerOf(rule: Rule): string | undefined {
  for (let node: postcss.Node | undefined = rule.parent; node; node = node.parent) {
    if (node.type === 'atrule' && (node as postcss.AtRule).name === 'layer')
      return (node as postcss.AtRule).params;
  }
  return undefined;
}

/** The classes a rule styles: those of each selector's last compound (`.a .b:hover` styles b). */
const styledClasses = (rule: Rule) =>
  rule.selectors.flatMap((selector) => {
    const last =
      selector
        .split(/\s*[\s>+~]\s*/)
        .filter(Boolean)
        .at(-1) ?? '';
    return [...last.matchAll(/\.([a-z][\w-]*)/gi)].map((match) => match[1] ?? '');
  });

describe('the stylesheets', () => {
  it('declare the layers once, and every rule stands in one of them', () => {
    const [order, ...more] = declaredOrder();
    expect(more).toEqual([]);
    expect(order).toEqual(['tokens', 'base', 'layout', 'components', 'views', 'utilities']);
    for (const { name, css } of sheets) {
      css.walkRules((rule) => {
        expect(order, `${name}: ${rule.selector}`).toContain(layerOf(rule));
      });
    }
  });

  it('style each class in one file', () => {
    const files = new Map<string, Set<string>>();
    for (const { name, css } of sheets)
      css.walkRules((rule) => {
        if (
          rule.parent?.type === 'atrule' &&
          /keyframes/.test((rule.parent as postcss.AtRule).name)
        )
          return;
        for (const cls of styledClasses(rule))
          files.set(cls, (files.get(cls) ?? new Set()).add(name));
      });
    expect(files.size).toBeGreaterThan(50);
    const spread = [...files]
      .filter(([, where]) => where.size > 1)
      .map(([cls, where]) => `${cls}: ${[...where].join(', ')}`);
    expect(spread).toEqual([]);
  });
});
