// Types of scripts/katex-assets.js (plain JavaScript, since esbuild.js requires it).
/** The KaTeX fonts the panel ships (KaTeX_<name>.woff2). */
export const FONTS: readonly string[];
/** KaTeX's stylesheet with only the shipped fonts, each as woff2. */
export function trimmedCss(css: string): string;
/** Writes dist/katex/katex.css and its fonts under `root`. */
export function copyKatexAssets(root: string): void;
