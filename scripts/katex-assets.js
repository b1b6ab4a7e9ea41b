// Copies what KaTeX needs in the panel to dist/katex: its stylesheet with only the fonts the panel's
// formulas use (upright, italic and bold text, math italic, the AMS symbols and the sizes of large
// delimiters), each in woff2 alone (every browser VS Code runs in reads it). A formula in another
// face (\mathfrak, \mathcal) falls back to the system's font rather than fail.
const fs = require('node:fs');
const path = require('node:path');

const FONTS = [
  'AMS-Regular',
  'Main-Bold',
  'Main-Italic',
  'Main-Regular',
  'Math-Italic',
  'Size1-Regular',
  'Size2-Regular',
  'Size3-Regular',
  'Size4-Regular',
];

/** KaTeX's stylesheet with each kept font's src reduced to its woff2 and the other @font-face rules dropped. */
function trimmedCss(css) {
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const file = /url\(fonts\/KaTeX_([A-Za-z0-9-]+)\.woff2\)/.exec(rule);
    if (!file || !FONTS.includes(file[1])) return '';
    return rule.replace(/src:[^;}]*/, `src:url(fonts/KaTeX_${file[1]}.woff2) format("woff2")`);
  });
}

/** Writes dist/katex/katex.css and dist/katex/fonts/*.woff2 from the installed katex package. */
function copyKatexAssets(root) {
  const from = path.join(path.dirname(require.resolve('katex/package.json')), 'dist');
  const to = path.join(root, 'dist', 'katex');
  fs.mkdirSync(path.join(to, 'fonts'), { recursive: true });
  const css = fs.readFileSync(path.join(from, 'katex.min.css'), 'utf8');
  fs.writeFileSync(path.join(to, 'katex.css'), trimmedCss(css));
  for (const font of FONTS) {
    const name = `KaTeX_${font}.woff2`;
    fs.copyFileSync(path.join(from, 'fonts', name), path.join(to, 'fonts', name));
  }
}

module.exports = { copyKatexAssets, trimmedCss, FONTS };
